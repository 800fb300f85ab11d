namespace LabDashboard.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource*.resx (keys are the English text).</summary>
public sealed class SharedResource;

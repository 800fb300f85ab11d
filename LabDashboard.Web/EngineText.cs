namespace LabDashboard.Web;

/// <summary>
/// Marker for Resources/EngineText*.resx: the engine's English (titles, settings, metric labels, check and
/// validation texts) with its Korean. Keys are the English text; <c>{0}</c>, <c>{1}</c>… stand for the numbers
/// and names the engine fills in. Read through <see cref="EngineLocalizer"/>.
/// </summary>
public sealed class EngineText;

namespace LabDashboard.Engine.Settings;

/// <summary>Settings were refused; <see cref="Errors"/> names every bad setting.</summary>
public sealed class SettingsValidationException(IReadOnlyList<string> errors)
    : Exception("Invalid settings: " + string.Join("; ", errors))
{
    /// <summary>One message per problem, each naming the setting.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}

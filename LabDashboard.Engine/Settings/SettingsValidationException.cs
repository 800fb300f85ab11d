using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Settings;

/// <summary>Settings were refused; <see cref="Errors"/> names every bad setting.</summary>
public sealed class SettingsValidationException(IReadOnlyList<LocalizableText> errors)
    : Exception("Invalid settings: " + string.Join("; ", errors))
{
    /// <summary>One message per problem, each naming the setting, in English.</summary>
    public IReadOnlyList<string> Errors { get; } = [.. errors.Select(e => e.ToString())];

    /// <summary><see cref="Errors"/> as keys and arguments.</summary>
    public IReadOnlyList<LocalizableText> Texts { get; } = errors;
}

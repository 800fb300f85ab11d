using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Settings;

/// <summary>What a <see cref="SettingSpec.Validator"/> may consult besides the value.</summary>
/// <param name="Paths">The lab's folders when the settings are submitted for a run; null when a form checks them alone.</param>
/// <param name="Owner">Who submits them (a user id or <see cref="RunOwners.Local"/>): what they uploaded is theirs only.</param>
public sealed record SettingCheckContext(LabPaths? Paths, string Owner = RunOwners.Local)
{
    /// <summary>No folders: validators check what they can without them.</summary>
    public static SettingCheckContext Detached { get; } = new((LabPaths?)null);
}

using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Settings;

/// <summary>What a <see cref="SettingSpec.Validator"/> may consult besides the value.</summary>
/// <param name="Paths">The lab's folders when the settings are submitted for a run; null when a form checks them alone.</param>
public sealed record SettingCheckContext(LabPaths? Paths)
{
    /// <summary>No folders: validators check what they can without them.</summary>
    public static SettingCheckContext Detached { get; } = new((LabPaths?)null);
}

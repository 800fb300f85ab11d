using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.ResnetCam.Data;
using LabDashboard.Engine.Problems.ResnetCam.Training;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>What a resnet-cam run with given settings will do, shown before Train is pressed.</summary>
/// <param name="Resolved">The settings with the mode's defaults filled in (size, learning rate, preprocessing).</param>
/// <param name="Data">The data set found and its split, or why none was found.</param>
/// <param name="Estimate">A rough duration on this device; null without data.</param>
public sealed record ResnetCamPlan(LocalizableText Resolved, LocalizableText Data, LocalizableText? Estimate)
{
    /// <summary>Resolves <paramref name="settings"/> and, when a data set is found, estimates the run's length. Reads no image.</summary>
    public static ResnetCamPlan For(RunSettings settings, LabPaths paths, DeviceInfo device)
    {
        var resolved = ResnetCamSettings.From(settings);
        var roots = paths.DataRoots.Append(Path.Combine(paths.StateRoot, "data"));
        var split = PetDatasetLocator.Find(roots, resolved.Seed, resolved.MaxImages);
        return split is null
            ? new ResnetCamPlan(resolved.Describe(), ResnetCamTexts.NoData.Format(PetDatasetLocator.OxfordFolder, PetDatasetLocator.FolderPerClassFolder, string.Join(", ", paths.DataRoots)), null)
            : new ResnetCamPlan(resolved.Describe(), split.Describe(), TrainingEstimate.Describe(resolved, split, device));
    }
}

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
    /// <summary>
    /// Resolves <paramref name="settings"/> and, when a data set is found, estimates the run's length: from
    /// <paramref name="measured"/> (an earlier whole-network run on this machine) when the whole network is to be
    /// trained and one is given, else a priori. Reads no image.
    /// </summary>
    public static ResnetCamPlan For(RunSettings settings, LabPaths paths, DeviceInfo device, WholeNetworkSpeed? measured = null)
    {
        var resolved = ResnetCamSettings.From(settings);
        var roots = paths.DataRoots.Append(Path.Combine(paths.StateRoot, "data"));
        var split = PetDatasetLocator.Find(roots, resolved.Seed, resolved.MaxImages);
        if (split is null)
            return new ResnetCamPlan(resolved.Describe(), ResnetCamTexts.NoData.Format(PetDatasetLocator.OxfordFolder, PetDatasetLocator.FolderPerClassFolder, string.Join(", ", paths.DataRoots)), null);
        var estimate = resolved.TrainBackbone && measured is not null ? Measured(resolved, split, measured) : TrainingEstimate.Describe(resolved, split, device);
        return new ResnetCamPlan(resolved.Describe(), split.Describe(), estimate);
    }

    private static LocalizableText Measured(ResnetCamSettings s, PetSplit split, WholeNetworkSpeed speed)
    {
        var minutes = speed.SecondsFor(s.ImageSize, s.Epochs, split.Train.Count, split.Test.Count) / 60;
        return ResnetCamTexts.EstimateMeasured.Format(s.Epochs, split.Train.Count, s.ImageSize, $"{Math.Max(1, Math.Round(minutes)):F0}",
            $"{speed.SecondsPerImage:F2}", speed.ImageSize, speed.RunId);
    }
}

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
public sealed record ResnetCamPlan(string Resolved, string Data, string? Estimate)
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
            return new ResnetCamPlan(resolved.Describe(), $"No data set yet: looked for {PetDatasetLocator.OxfordFolder}/ and {PetDatasetLocator.FolderPerClassFolder}/ in {string.Join(", ", paths.DataRoots)}.", null);
        var estimate = resolved.TrainBackbone && measured is not null ? Measured(resolved, split, measured) : TrainingEstimate.Describe(resolved, split, device);
        return new ResnetCamPlan(resolved.Describe(), split.Describe(), estimate);
    }

    private static string Measured(ResnetCamSettings s, PetSplit split, WholeNetworkSpeed speed)
    {
        var minutes = speed.SecondsFor(s.ImageSize, s.Epochs, split.Train.Count, split.Test.Count) / 60;
        return $"{s.Epochs} epochs of the whole network on {split.Train.Count} images at {s.ImageSize}px ≈ {Math.Max(1, Math.Round(minutes)):F0} min on this machine "
            + $"(measured: {speed.SecondsPerImage:F2} s per image per epoch at {speed.ImageSize}px in run {speed.RunId}; more while other work shares the CPU).";
    }
}

using LabDashboard.Engine.Data;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>MNIST for the GAN and its judging classifier, found through the data layer.</summary>
internal static class MnistForGan
{
    /// <summary>Loads MNIST (pixels 0–1) from the data roots or the lab's downloads.</summary>
    /// <exception cref="FileNotFoundException">MNIST is nowhere to be found; the message lists where it was looked for.</exception>
    public static ImageDataset Load(RunContext context)
    {
        var spec = ImageDatasets.Mnist;
        var location = DatasetLocator.Find(spec, context.Paths.DataRoots, context.Paths.StateRoot)
            ?? throw new FileNotFoundException(
                "MNIST not found. Put the four IDX files (.gz or plain) in one of: "
                + string.Join(", ", DatasetLocator.SearchedFolders(spec, context.Paths.DataRoots)));
        context.Progress(0, $"Loading {location.Description}.");
        var mnist = ImageDatasetLoader.Load(location);
        foreach (var warning in mnist.Warnings) context.Log(warning);
        context.Progress(1, $"MNIST loaded: {mnist.TrainImages.shape[0]} training and {mnist.TestImages.shape[0]} test images.");
        return mnist;
    }
}

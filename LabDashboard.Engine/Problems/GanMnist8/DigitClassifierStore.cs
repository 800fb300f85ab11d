using System.Globalization;
using LabDashboard.Engine.Runs;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// Where the trained <see cref="DigitClassifier"/> is cached: <c>State:Root/models/mnist-digit-classifier/</c>,
/// its weights beside a one-line file with the test accuracy it reached.
/// </summary>
internal sealed class DigitClassifierStore(LabPaths paths)
{
    private string Folder => paths.StateFolder("models", "mnist-digit-classifier");
    private string WeightsPath => Path.Combine(Folder, "classifier.weights");
    private string AccuracyPath => Path.Combine(Folder, "test-accuracy.txt");

    /// <summary>The cached classifier's weights on <paramref name="device"/> and its MNIST test accuracy, or null.</summary>
    public (NetworkWeights Weights, double TestAccuracy)? TryLoad(Device? device = null)
    {
        if (!File.Exists(WeightsPath) || !File.Exists(AccuracyPath)) return null;
        var accuracy = double.Parse(File.ReadAllText(AccuracyPath).Trim(), CultureInfo.InvariantCulture);
        return (NetworkWeights.Load(WeightsPath, device), accuracy);
    }

    /// <summary>Saves the weights, then the accuracy (whose presence marks the cache complete).</summary>
    public void Save(NetworkWeights weights, double testAccuracy)
    {
        weights.Save(WeightsPath);
        File.WriteAllText(AccuracyPath, testAccuracy.ToString("R", CultureInfo.InvariantCulture));
    }
}

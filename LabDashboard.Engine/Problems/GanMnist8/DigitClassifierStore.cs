using System.Globalization;
using LabDashboard.Engine.Runs;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// Where the trained <see cref="DigitClassifier"/> is cached: <c>State:Root/models/mnist-digit-classifier/</c>,
/// its weights (safetensors; an older version's <c>classifier.weights</c> still loads) beside a one-line
/// file with the test accuracy it reached.
/// </summary>
internal sealed class DigitClassifierStore(LabPaths paths)
{
    private const string WeightsName = "classifier";
    private string Folder => paths.StateFolder("models", "mnist-digit-classifier");
    private string AccuracyPath => Path.Combine(Folder, "test-accuracy.txt");

    /// <summary>The cached classifier's weights on <paramref name="device"/> and its MNIST test accuracy, or null.</summary>
    public (NetworkWeights Weights, double TestAccuracy)? TryLoad(Device? device = null)
    {
        if (!File.Exists(AccuracyPath) || !NetworkWeights.IsSaved(Folder, WeightsName)) return null;
        var accuracy = double.Parse(File.ReadAllText(AccuracyPath).Trim(), CultureInfo.InvariantCulture);
        return (NetworkWeights.Load(Folder, WeightsName, device), accuracy);
    }

    /// <summary>Saves the weights, then the accuracy (whose presence marks the cache complete).</summary>
    public void Save(NetworkWeights weights, double testAccuracy)
    {
        weights.Save(Folder, WeightsName);
        File.WriteAllText(AccuracyPath, testAccuracy.ToString("R", CultureInfo.InvariantCulture));
    }
}

using System.Globalization;
using System.Text;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Training;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// Where the trained <see cref="DigitClassifier"/> is cached, as artifacts under <c>models/mnist-digit-classifier/</c>
/// (so every web front of a lab cluster captions generated digits with the classifier a worker trained):
/// its weights (safetensors; an older version's <c>classifier.weights</c> still loads) beside a one-line
/// file with the test accuracy it reached.
/// </summary>
internal sealed class DigitClassifierStore(IRunArtifactStore artifacts)
{
    private const string Folder = "models/mnist-digit-classifier";
    private const string WeightsName = "classifier";
    private const string AccuracyPath = Folder + "/test-accuracy.txt";
    private const string WeightsPath = Folder + "/" + WeightsName + WeightsFile.Extension;

    /// <summary>The cached classifier's weights on <paramref name="device"/> and its MNIST test accuracy, or null.</summary>
    public (NetworkWeights Weights, double TestAccuracy)? TryLoad(Device? device = null)
    {
        if (artifacts.Read(AccuracyPath) is not { } accuracy) return null;
        var current = artifacts.LocalFile(WeightsPath);
        var legacy = artifacts.LocalFile(Folder + "/" + NetworkWeights.LegacyFileName(WeightsName));
        if (!File.Exists(current) && !File.Exists(legacy)) return null;
        return (NetworkWeights.LoadFiles(current, legacy, device), double.Parse(Encoding.UTF8.GetString(accuracy).Trim(), CultureInfo.InvariantCulture));
    }

    /// <summary>Saves the weights, then the accuracy (whose presence marks the cache complete).</summary>
    public void Save(NetworkWeights weights, double testAccuracy)
    {
        artifacts.Write(WeightsPath, weights.ToBytes());
        artifacts.Write(AccuracyPath, Encoding.UTF8.GetBytes(testAccuracy.ToString("R", CultureInfo.InvariantCulture)));
    }
}

using System.Globalization;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// Where the trained <see cref="DigitClassifier"/> is cached: <c>State:Root/models/mnist-digit-classifier/</c>,
/// the weights beside a one-line file with the test accuracy it reached.
/// </summary>
internal sealed class DigitClassifierStore(LabPaths paths)
{
    private string Folder => paths.StateFolder("models", "mnist-digit-classifier");
    private string WeightsPath => Path.Combine(Folder, "classifier.bin");
    private string AccuracyPath => Path.Combine(Folder, "test-accuracy.txt");

    /// <summary>True when a trained classifier is cached.</summary>
    public bool Exists => File.Exists(WeightsPath) && File.Exists(AccuracyPath);

    /// <summary>The cached classifier (on the CPU, eval mode) and its MNIST test accuracy, or null.</summary>
    public (DigitClassifier Model, double TestAccuracy)? TryLoad()
    {
        if (!Exists) return null;
        var accuracy = double.Parse(File.ReadAllText(AccuracyPath).Trim(), CultureInfo.InvariantCulture);
        var model = new DigitClassifier();
        model.load(WeightsPath);
        model.eval();
        return (model, accuracy);
    }

    /// <summary>Saves atomically, so a reader never sees half a file.</summary>
    public void Save(DigitClassifier model, double testAccuracy)
    {
        var temporary = WeightsPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        model.save(temporary);
        File.Move(temporary, WeightsPath, overwrite: true);
        File.WriteAllText(AccuracyPath, testAccuracy.ToString("R", CultureInfo.InvariantCulture));
    }
}

using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.Classification;

/// <summary>
/// A confusion matrix with per-class accuracy, published as the <c>confusion</c> data payload.
/// <see cref="Matrix"/>[true][predicted] counts; per-class accuracy is the recall of each class.
/// </summary>
/// <param name="Classes">Class names, in label order.</param>
/// <param name="Matrix">Counts: row = true class, column = predicted class.</param>
/// <param name="PerClassAccuracy">Correct / total for each true class (0 when a class has no rows).</param>
/// <param name="Support">Rows of each true class.</param>
/// <param name="Accuracy">Overall accuracy.</param>
public sealed record ConfusionData(
    IReadOnlyList<string> Classes,
    IReadOnlyList<IReadOnlyList<int>> Matrix,
    IReadOnlyList<double> PerClassAccuracy,
    IReadOnlyList<int> Support,
    double Accuracy)
{
    /// <summary>The payload's name in the run's data.</summary>
    public const string PayloadName = "confusion";

    /// <summary>Builds it from true and predicted labels.</summary>
    public static ConfusionData From(IReadOnlyList<string> classes, IReadOnlyList<long> truth, IReadOnlyList<long> predicted)
    {
        var k = classes.Count;
        var matrix = new int[k][];
        for (var i = 0; i < k; i++) matrix[i] = new int[k];
        for (var i = 0; i < truth.Count; i++) matrix[truth[i]][predicted[i]]++;
        var support = matrix.Select(row => row.Sum()).ToArray();
        var perClass = Enumerable.Range(0, k).Select(c => support[c] == 0 ? 0 : (double)matrix[c][c] / support[c]).ToArray();
        var correct = Enumerable.Range(0, k).Sum(c => matrix[c][c]);
        return new ConfusionData(classes, matrix, perClass, support, truth.Count == 0 ? 0 : (double)correct / truth.Count);
    }

    /// <summary>Builds it from int64 label tensors of the same length.</summary>
    public static ConfusionData FromTensors(IReadOnlyList<string> classes, Tensor truth, Tensor predicted) =>
        From(classes, truth.cpu().data<long>().ToArray(), predicted.cpu().data<long>().ToArray());
}

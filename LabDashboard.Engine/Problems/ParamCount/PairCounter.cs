namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>An exam pair counted: both networks analysed, and the answer the counts give.</summary>
/// <param name="Pair">The pair.</param>
/// <param name="First">The first network, analysed.</param>
/// <param name="Second">The second network, analysed.</param>
public sealed record CountedPair(ExamPair Pair, LayerStackAnalysis First, LayerStackAnalysis Second)
{
    /// <summary>The first network's TorchSharp total.</summary>
    public long FirstTotal => First.TorchTotal;
    /// <summary>The second network's TorchSharp total.</summary>
    public long SecondTotal => Second.TorchTotal;

    /// <summary>The larger network's name, or <c>same</c>.</summary>
    public string Answer => FirstTotal == SecondTotal ? ExamPairs.Same
        : FirstTotal > SecondTotal ? Pair.First.Name : Pair.Second.Name;

    /// <summary>True when TorchSharp, the formulas and the exam agree on both totals and the answer.</summary>
    public bool AgreesWithExam =>
        First.IsValid && Second.IsValid
        && FirstTotal == First.FormulaTotal && SecondTotal == Second.FormulaTotal
        && FirstTotal == Pair.ExpectedFirst && SecondTotal == Pair.ExpectedSecond
        && Answer == Pair.ExpectedAnswer;
}

/// <summary>Counts the exam pairs with real TorchSharp modules (cached: the pairs never change).</summary>
public static class PairCounter
{
    private static readonly Lazy<IReadOnlyList<CountedPair>> Cached = new(() => ExamPairs.All.Select(Count).ToList());

    /// <summary>All five pairs, counted.</summary>
    public static IReadOnlyList<CountedPair> All => Cached.Value;

    /// <summary>Counts one pair.</summary>
    public static CountedPair Count(ExamPair pair) => new(pair, Analyze(pair.First), Analyze(pair.Second));

    private static LayerStackAnalysis Analyze(NetworkSpec network) => LayerStackAnalyzer.Analyze(network.Layers, network.InputShape);
}

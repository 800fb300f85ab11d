using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>
/// Problem 2: which network of each pair has more trainable parameters? Nothing trains; a run counts
/// the five pairs with TorchSharp and reports the totals as results and one check per pair.
/// </summary>
public sealed class ParamCountProblem : IProblem
{
    /// <summary>The problem's id.</summary>
    public const string Id = "param-count";

    /// <inheritdoc />
    public ProblemDescriptor Descriptor { get; } = new(
        Id,
        2,
        "Counting parameters",
        "Five pairs of layer stacks: which has more trainable parameters? Counted from real TorchSharp modules and checked against the formulas.",
        [],
        [],
        [.. ExamPairs.All.SelectMany(p => new[]
        {
            new MetricSpec(ResultName(p.Number, p.First.Name), $"Pair {p.Number}: {p.First.Name}", $"Trainable parameters of pair {p.Number}'s {p.First.Name}"),
            new MetricSpec(ResultName(p.Number, p.Second.Name), $"Pair {p.Number}: {p.Second.Name}", $"Trainable parameters of pair {p.Number}'s {p.Second.Name}"),
        })],
        Trains: false,
        SmallTensors: true);

    /// <summary>The result name of a network's total, e.g. <c>pair1Net2</c>.</summary>
    public static string ResultName(int pair, string network) => $"pair{pair}{char.ToUpperInvariant(network[0])}{network[1..]}";

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        foreach (var counted in ExamPairs.All.Select(PairCounter.Count))
        {
            context.Checkpoint();
            var pair = counted.Pair;
            context.Result(ResultName(pair.Number, pair.First.Name), counted.FirstTotal);
            context.Result(ResultName(pair.Number, pair.Second.Name), counted.SecondTotal);
            context.Check(ParamCountTexts.PairCheck.Format(pair.Number), counted.AgreesWithExam,
                ParamCountTexts.PairDetail.Format(pair.Number, pair.First.Name, counted.FirstTotal, pair.Second.Name, counted.SecondTotal,
                    counted.Answer, pair.ExpectedAnswer, pair.ExpectedFirst, pair.ExpectedSecond));
        }
    }
}

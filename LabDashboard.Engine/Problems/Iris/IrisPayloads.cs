namespace LabDashboard.Engine.Problems.Iris;

/// <summary>The <c>split</c> payload: original row numbers of the train (sampled order) and test (ascending) rows.</summary>
/// <param name="Train">Training rows in pandas' sampled order.</param>
/// <param name="Test">Test rows, ascending.</param>
/// <param name="Rows">All rows of the table, so pages can show both tables with their measurements.</param>
public sealed record IrisSplitData(IReadOnlyList<int> Train, IReadOnlyList<int> Test, IReadOnlyList<IrisRow> Rows)
{
    /// <summary>The payload's name in the run's data.</summary>
    public const string PayloadName = "split";
}

/// <summary>
/// The <c>scatter</c> payload: petal length/width of every row with its species, the model's
/// prediction and whether it is a test row (columns of equal length, to stay small).
/// </summary>
public sealed record IrisScatterData(
    IReadOnlyList<int> Rows,
    IReadOnlyList<float> PetalLength,
    IReadOnlyList<float> PetalWidth,
    IReadOnlyList<int> Species,
    IReadOnlyList<int> Predicted,
    IReadOnlyList<bool> IsTest,
    IReadOnlyList<string> SpeciesNames)
{
    /// <summary>The payload's name in the run's data.</summary>
    public const string PayloadName = "scatter";
}

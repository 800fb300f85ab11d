namespace LabDashboard.Web.Components.Shared;

/// <summary>A series a <see cref="PlotChart"/> draws: <c>scatter</c>, <c>line</c> or <c>column</c>, points as (x, y).</summary>
public sealed record PlotSeries(string Name, string Type, IReadOnlyList<double[]> Points)
{
    public static PlotSeries Of(string name, string type, IReadOnlyList<double> xs, IReadOnlyList<double> ys) =>
        new(name, type, xs.Zip(ys, (x, y) => new[] { x, y }).ToList());
}

using LabDashboard.Engine.Runs;
using LabDashboard.Web.Security;

namespace LabDashboard.Web.Api;

/// <summary>
/// <c>GET /api/runs/{runId}/points?metric=&amp;offset=&amp;limit=</c>: one page of a run's epoch points,
/// what a chart's "view as table" shows (fetched by the browser, never through the Blazor circuit).
/// </summary>
public static class RunPoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    /// <summary>A page: <see cref="Total"/> points in all, <see cref="Rows"/> from <see cref="Offset"/>; values in <see cref="Metrics"/> order.</summary>
    public sealed record Page(string RunId, int Total, int Offset, IReadOnlyList<string> Metrics, IReadOnlyList<Row> Rows);

    /// <summary>One epoch point; a value is null where the point lacks that metric.</summary>
    public sealed record Row(int? Epoch, long? Step, long ElapsedMs, IReadOnlyList<double?> Values);

    public static IResult Get(string runId, string[]? metric, int? offset, int? limit, UserRuns runs)
    {
        if (runs.Get(runId) is not { } run) return ApiProblems.UnknownRun(runId);
        return TypedResults.Ok(Of(run, metric, offset ?? 0, limit ?? DefaultLimit));
    }

    /// <summary>The page of <paramref name="run"/>'s points (all metrics it reported when <paramref name="metrics"/> is empty).</summary>
    public static Page Of(RunRecord run, IReadOnlyList<string>? metrics, int offset, int limit)
    {
        var epochs = run.EpochEvents.OrderBy(e => e.Seq).ToList();
        var columns = metrics is { Count: > 0 }
            ? metrics
            : epochs.SelectMany(e => e.Metrics?.Keys ?? []).Distinct().ToList();
        var from = Math.Clamp(offset, 0, epochs.Count);
        var rows = epochs.Skip(from).Take(Math.Clamp(limit, 1, MaxLimit))
            .Select(e => new Row(e.Epoch, e.Step, e.ElapsedMs, columns.Select(c => Value(e, c)).ToList()))
            .ToList();
        return new Page(run.Summary.RunId, epochs.Count, from, columns, rows);
    }

    private static double? Value(RunEvent e, string metric) =>
        e.Metrics is not null && e.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v) ? v : null;
}

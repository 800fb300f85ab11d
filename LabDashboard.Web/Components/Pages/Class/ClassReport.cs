using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Components.Pages.Class;

/// <summary>
/// The class view's content: per student (run owner), how many runs of each problem and the best one
/// (completed first, then the most checks passed, then the newest); and the latest runs of everyone.
/// </summary>
public sealed record ClassReport(IReadOnlyList<StudentRow> Students, IReadOnlyList<RunSummary> Latest)
{
    /// <summary>How many of the newest runs <see cref="Latest"/> holds.</summary>
    public const int LatestCount = 50;

    /// <summary>Builds the report from every run (newest first, as <see cref="IRunService.List"/> gives them).</summary>
    public static ClassReport From(IReadOnlyList<RunSummary> runs) => new(
        [.. runs.GroupBy(r => r.Owner)
            .Select(owner => new StudentRow(owner.Key, owner.Count(), owner.Max(r => r.CreatedAt),
                owner.GroupBy(r => r.ProblemId).ToDictionary(p => p.Key, p => new ProblemCell(p.Count(), Best(p)))))
            .OrderBy(s => s.Owner, StringComparer.Ordinal)],
        [.. runs.Take(LatestCount)]);

    /// <summary>The run that shows a student's best on a problem.</summary>
    public static RunSummary Best(IEnumerable<RunSummary> runs) =>
        runs.OrderByDescending(r => r.Status == RunStatus.Completed)
            .ThenByDescending(r => r.Checks.Count(c => c.Passed))
            .ThenByDescending(r => r.CreatedAt)
            .First();
}

/// <summary>One student's line: their runs in all, their last start, and a cell per problem they ran.</summary>
public sealed record StudentRow(string Owner, int Runs, DateTimeOffset LastStarted, IReadOnlyDictionary<string, ProblemCell> Problems);

/// <summary>A student's runs of one problem: how many, and the best.</summary>
public sealed record ProblemCell(int Runs, RunSummary Best);

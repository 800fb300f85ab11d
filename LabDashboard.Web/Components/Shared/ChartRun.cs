using LabDashboard.Engine.Runs;
using LabDashboard.Web.Security;

namespace LabDashboard.Web.Components.Shared;

/// <summary>A run a <see cref="LiveChart"/> draws, with its legend label.</summary>
public sealed record ChartRun(string RunId, string Label)
{
    /// <summary>How many characters of a run id a legend shows.</summary>
    public const int ShortIdLength = 6;

    /// <summary>How many differing settings a legend label names at most.</summary>
    public const int MaxSettingsInLabel = 2;

    /// <summary>
    /// Runs to overlay, each labelled "problem id · its name (else short id) · the settings that set it
    /// apart from the others" (e.g. <c>exp-mle · 3f9a2c · steps=100, lr=0.1</c>); unknown ids are left out.
    /// </summary>
    public static IReadOnlyList<ChartRun> Overlay(UserRuns runs, IEnumerable<string> runIds)
    {
        var summaries = runIds.Select(runs.Summary).OfType<RunSummary>().ToList();
        var differing = SettingsDiff.Differing(summaries.Select(s => s.Settings).ToList()).Take(MaxSettingsInLabel).ToList();
        return summaries.Select(s =>
        {
            var parts = new List<string> { s.ProblemId, NameOrShortId(s) };
            if (differing.Count > 0) parts.Add(string.Join(", ", differing.Select(k => $"{k}={SettingsDiff.Text(s.Settings.GetValueOrDefault(k))}")));
            return new ChartRun(s.RunId, string.Join(" · ", parts));
        }).ToList();
    }

    /// <summary>The run's name when it has one, else its short id.</summary>
    public static string NameOrShortId(RunSummary run) => run.Label.Name.Length > 0 ? run.Label.Name : ShortId(run.RunId);

    public static string ShortId(string runId) => runId.Length <= ShortIdLength ? runId : runId[..ShortIdLength];
}

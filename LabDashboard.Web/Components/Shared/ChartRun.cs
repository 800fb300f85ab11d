using System.Collections;
using System.Globalization;
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
    /// Runs to overlay, each labelled "problem id · short id · the settings that set it apart from the
    /// others" (e.g. <c>exp-mle · 3f9a2c · steps=100, lr=0.1</c>); unknown ids are left out.
    /// </summary>
    public static IReadOnlyList<ChartRun> Overlay(UserRuns runs, IEnumerable<string> runIds)
    {
        var records = runIds.Select(runs.Get).OfType<RunRecord>().ToList();
        var differing = records.SelectMany(r => r.Settings.Keys).Distinct()
            .Where(key => records.Select(r => Text(r.Settings.GetValueOrDefault(key))).Distinct().Count() > 1)
            .Take(MaxSettingsInLabel)
            .ToList();
        return records.Select(r =>
        {
            var parts = new List<string> { r.Summary.ProblemId, ShortId(r.Summary.RunId) };
            if (differing.Count > 0) parts.Add(string.Join(", ", differing.Select(k => $"{k}={Text(r.Settings.GetValueOrDefault(k))}")));
            return new ChartRun(r.Summary.RunId, string.Join(" · ", parts));
        }).ToList();
    }

    public static string ShortId(string runId) => runId.Length <= ShortIdLength ? runId : runId[..ShortIdLength];

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable items => string.Join(' ', items.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

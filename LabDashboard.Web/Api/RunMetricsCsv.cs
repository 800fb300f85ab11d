using System.Globalization;
using System.Text;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Api;

/// <summary>A run's reported points as CSV: epoch, step, elapsedMs, then one column per metric.</summary>
public static class RunMetricsCsv
{
    public static string Write(IReadOnlyList<RunEvent> epochs, IEnumerable<string>? metricOrder = null)
    {
        var seen = epochs.SelectMany(e => e.Metrics?.Keys ?? []).Distinct().ToList();
        var columns = (metricOrder ?? []).Where(seen.Contains).Concat(seen).Distinct().ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', ["epoch", "step", "elapsedMs", .. columns]));
        foreach (var e in epochs.OrderBy(e => e.Seq))
        {
            var cells = new List<string> { Format(e.Epoch), Format(e.Step), Format(e.ElapsedMs) };
            cells.AddRange(columns.Select(c => e.Metrics is not null && e.Metrics.TryGetValue(c, out var v) ? Format(v) : ""));
            csv.AppendLine(string.Join(',', cells));
        }
        return csv.ToString();
    }

    private static string Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Format(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}

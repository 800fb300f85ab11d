using System.Text.Json;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>Turns stored rows into the service's <see cref="RunSummary"/> and <see cref="RunRecord"/>.</summary>
internal static class StoredRunViews
{
    public static RunSummary Summary(StoredRun run, ProblemCatalog catalog) => new(
        run.Id, run.ProblemId, run.Status, run.CreatedAt, run.FinishedAt,
        run.ResultsJson is null ? new Dictionary<string, double>() : RunEventJson.Read<Dictionary<string, double>>(run.ResultsJson),
        run.ChecksJson is null ? [] : RunEventJson.Read<List<CheckResult>>(run.ChecksJson),
        QueuePosition: null,
        Owner: run.Owner)
    {
        Label = run.Label,
        Settings = Settings(run, catalog),
        Worker = run.Worker,
    };

    /// <summary>The run with <paramref name="epochEvents"/> (read with one more than <paramref name="epochLimit"/>, see <see cref="Limited"/>).</summary>
    public static RunRecord Record(StoredRun run, IReadOnlyList<RunEvent> epochEvents, ProblemCatalog catalog, int epochLimit)
    {
        var summary = Summary(run, catalog);
        return Limited(new RunRecord(summary, summary.Settings, run.Device,
            RunEventJson.Read<Dictionary<string, string>>(run.VersionsJson), epochEvents, run.Error, run.Worker), epochLimit);
    }

    /// <summary>The record cut to <paramref name="epochLimit"/> epoch events, <see cref="RunRecord.More"/> when it had more.</summary>
    public static RunRecord Limited(RunRecord record, int epochLimit) => record.EpochEvents.Count > epochLimit
        ? record with { EpochEvents = record.EpochEvents.Take(epochLimit).ToList(), More = true }
        : record;

    /// <summary>Typed through the problem's schema when it still accepts them, else as plain JSON values.</summary>
    private static IReadOnlyDictionary<string, object> Settings(StoredRun run, ProblemCatalog catalog)
    {
        using var document = JsonDocument.Parse(run.SettingsJson);
        if (catalog.Find(run.ProblemId) is { } problem)
        {
            try { return SettingsBinder.Bind(problem.Descriptor.Settings, document.RootElement).Values; }
            catch (SettingsValidationException) { /* the schema changed since: show what was stored */ }
        }
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value));
    }

    private static object Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var i) => i,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => value.Clone(),
    };
}

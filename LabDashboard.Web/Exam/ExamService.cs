using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Runs;

namespace LabDashboard.Web.Exam;

/// <summary>
/// Starts the eight problems as one exam. An exam is only its run ids: the runs queue on the device
/// like any other, and <see cref="ExamSheetReader"/> reads the sheet from them.
/// </summary>
public sealed class ExamService(IRunService runs, ExamStore store)
{
    /// <summary>
    /// Starts every problem with its defaults, the exam's settings; <paramref name="overrides"/> (problem id →
    /// settings) is the quick mode the tests use. The exam and its runs belong to <paramref name="owner"/>. Returns the exam's id.
    /// </summary>
    /// <exception cref="UnknownProblemException">An override names no exam problem.</exception>
    /// <exception cref="Engine.Settings.SettingsValidationException">An override's settings are invalid (no run is left started).</exception>
    public async Task<string> StartAsync(string owner, IReadOnlyDictionary<string, JsonElement>? overrides = null)
    {
        overrides ??= new Dictionary<string, JsonElement>();
        var problems = runs.Catalog.All.Select(p => p.Descriptor).ToList();
        if (overrides.Keys.FirstOrDefault(id => runs.Catalog.Find(id) is null) is { } unknown) throw new UnknownProblemException(unknown);
        var createdAt = DateTimeOffset.UtcNow;
        var started = new List<ExamRun>();
        try
        {
            foreach (var entry in problems)
                started.Add(new ExamRun(entry.Number, entry.Id, await runs.StartAsync(entry.Id, overrides.TryGetValue(entry.Id, out var s) ? s : null, owner)));
        }
        catch
        {
            foreach (var run in started) await runs.CancelAsync(run.RunId);
            throw;
        }
        var exam = new ExamRecord(ExamStore.NewId(), createdAt, started, [.. overrides.Keys.Order(StringComparer.Ordinal)], owner);
        store.Save(exam);
        return exam.Id;
    }
}

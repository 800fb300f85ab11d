using LabDashboard.Engine.Runs;
using LabDashboard.Web.Runs;

namespace LabDashboard.Web.Exam;

/// <summary>Reads an exam's sheet from its runs (<see cref="IRunService.Get"/>).</summary>
public sealed class ExamSheetReader(IRunService runs, ExamStore store, ExamAnswers answers)
{
    /// <summary>The exam's sheet as it stands, or null for an unknown id or an exam <paramref name="caller"/> may not see.</summary>
    public ExamSheet? Sheet(string examId, Security.RunCaller caller)
    {
        if (store.Find(examId) is not { } exam || !caller.Owns(exam.Owner)) return null;
        var records = exam.Runs.Select(r => (Run: r, Record: runs.Get(r.RunId))).ToList();
        var questions = records.Select(r => Question(exam, r.Run, r.Record)).ToList();
        var complete = records.All(r => r.Record is null || r.Record.Summary.FinishedAt is not null);
        var lastEnd = records.Select(r => r.Record?.Summary.FinishedAt).Max();
        return new ExamSheet(exam.Id, exam.CreatedAt, complete, complete && questions.All(q => q.Passed), exam.Overridden.Count == 0,
            exam.Overridden, questions, Machine(records.Select(r => r.Record).OfType<RunRecord>().ToList()),
            complete && lastEnd is { } end ? (end - exam.CreatedAt).TotalSeconds : null);
    }

    private ExamQuestion Question(ExamRecord exam, ExamRun run, RunRecord? record)
    {
        var title = runs.Catalog.Find(run.ProblemId)?.Descriptor.Title ?? run.ProblemId;
        if (record is null)
            return new ExamQuestion(run.Number, run.ProblemId, title, run.RunId, RunStatus.Failed, null, [], null, null, "The run was deleted.");
        var summary = record.Summary;
        return new ExamQuestion(run.Number, run.ProblemId, title, run.RunId, summary.Status, answers.From(record), summary.Checks,
            ExamAnswers.SettingText(record, "seed"), summary.FinishedAt is { } end ? (end - exam.CreatedAt).TotalSeconds : null, record.Error);
    }

    /// <summary>The machine as the runs recorded it; the thread counts differ (small-tensor problems use one).</summary>
    private static ExamMachine? Machine(IReadOnlyList<RunRecord> records)
    {
        var recorded = records.Where(r => r.Versions.Count > 0).ToList();
        if (recorded.Count == 0) return null;
        string Version(string key) => recorded[0].Versions.GetValueOrDefault(key) ?? "unknown";
        var threads = recorded.Select(r => r.Versions.GetValueOrDefault("threads")).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        return new ExamMachine(recorded[0].Device, string.Join(", ", threads), Version("os"), Version("torchSharp"), Version("libtorch"), Version("dotnet"));
    }
}

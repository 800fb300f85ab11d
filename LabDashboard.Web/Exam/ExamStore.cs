using System.Text.Json;
using System.Text.RegularExpressions;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Exam;

/// <summary>What is kept of an exam: its runs. Everything else is read from the runs.</summary>
/// <param name="Id">12 hex digits.</param>
/// <param name="CreatedAt">When the runs were started.</param>
/// <param name="Runs">One run per problem, in the exam's order.</param>
/// <param name="Overridden">Problems whose settings were overridden (quick mode).</param>
/// <param name="Owner">Who started it (the owner of its runs); exams kept before owners existed are <see cref="RunOwners.Local"/>'s.</param>
public sealed record ExamRecord(string Id, DateTimeOffset CreatedAt, IReadOnlyList<ExamRun> Runs, IReadOnlyList<string> Overridden, string Owner = RunOwners.Local);

/// <summary>A question's run.</summary>
public sealed record ExamRun(int Number, string ProblemId, string RunId);

/// <summary>One small JSON file per exam under <c>State:Root/exams/</c>, so exams survive a restart.</summary>
public sealed partial class ExamStore(LabPaths paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string Folder => Path.Combine(paths.StateRoot, "exams");

    /// <summary>True for a well-formed exam id (12 lower-case hex digits).</summary>
    public static bool IsWellFormed(string id) => IdPattern().IsMatch(id);

    /// <summary>A fresh id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Writes the record (atomically: a reader never sees half a file).</summary>
    public void Save(ExamRecord exam)
    {
        Directory.CreateDirectory(Folder);
        var temporary = PathOf(exam.Id) + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(exam, Json));
        File.Move(temporary, PathOf(exam.Id), overwrite: true);
    }

    /// <summary>The exam, or null when unknown or malformed.</summary>
    public ExamRecord? Find(string id) =>
        IsWellFormed(id) && File.Exists(PathOf(id)) ? JsonSerializer.Deserialize<ExamRecord>(File.ReadAllText(PathOf(id)), Json) : null;

    private string PathOf(string id) => Path.Combine(Folder, id + ".json");

    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex IdPattern();
}

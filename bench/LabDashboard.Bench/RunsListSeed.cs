using System.Globalization;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;

namespace LabDashboard.Bench;

/// <summary>
/// Writes finished runs straight into a state folder's database, as the run service stores them:
/// a row per run (one of 40 owners, the eight problems in turn, one every minute) and its events
/// (queued, started, 20 epochs, finished with four results and three checks).
/// </summary>
internal static class RunsListSeed
{
    private static readonly string[] Problems = ["conv-einsum", "param-count", "exp-mle", "free-fall", "iris", "fashion-cnn", "resnet-cam", "gan-mnist8"];

    public static void Write(string stateRoot, int runs)
    {
        var database = new RunDatabase(Path.Combine(stateRoot, RunDatabase.FileName));
        database.CreateSchema();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var start = DateTimeOffset.UtcNow.AddMinutes(-runs);
        for (var i = 0; i < runs; i++)
        {
            var id = $"seed{i.ToString("D8", CultureInfo.InvariantCulture)}";
            var problem = Problems[i % Problems.Length];
            var owner = $"student{(i % 40 + 1).ToString("D2", CultureInfo.InvariantCulture)}";
            RunStoreSql.InsertRun(connection, transaction, new NewRunRow(id, problem, owner, """{"epochs":3,"lr":0.001}""", "cpu",
                """{"torchSharp":"0.107.0","libtorch":"2.7.1",".NET":"10.0.0"}""", start.AddMinutes(i)), "bench");
            foreach (var e in Events(id, problem)) RunStoreSql.AppendEvent(connection, transaction, e, start.AddMinutes(i + 1));
        }
        transaction.Commit();
    }

    private static IEnumerable<RunEvent> Events(string runId, string problemId)
    {
        var seq = 0L;
        RunEvent New(string kind) => new() { Kind = kind, RunId = runId, ProblemId = problemId, Seq = ++seq };
        yield return New(RunEventKinds.Queued) with { QueuePosition = 0, Message = "Starting." };
        yield return New(RunEventKinds.Started) with { Message = "Running on cpu." };
        for (var epoch = 1; epoch <= 20; epoch++)
            yield return New(RunEventKinds.Epoch) with { Epoch = epoch, Step = epoch * 100, Metrics = new Dictionary<string, double> { ["loss"] = 1.0 / epoch, ["accuracy"] = 1 - 1.0 / epoch } };
        yield return New(RunEventKinds.Finished) with
        {
            Outcome = RunOutcome.Completed,
            Message = "completed after 42.0 s",
            Results = new Dictionary<string, double> { ["testAccuracy"] = 0.91, ["trainAccuracy"] = 0.95, ["loss"] = 0.05, ["seconds"] = 42 },
            Checks = [new CheckResult("test accuracy ≥ 0.85", true, "0.910"), new CheckResult("loss falls", true, "1.000 → 0.050"), new CheckResult("model saved", true, "model.safetensors")],
        };
    }
}

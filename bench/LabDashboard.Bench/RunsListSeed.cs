using System.Globalization;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;

namespace LabDashboard.Bench;

/// <summary>
/// Writes finished runs straight into a state folder's database, as the run service stores them:
/// a row per run (one of 40 owners, the eight problems in turn, one every minute) and its events
/// (queued, started, 20 epochs, finished with four results and three checks); or one long run.
/// </summary>
internal static class RunsListSeed
{
    private static readonly string[] Problems = ["conv-einsum", "param-count", "exp-mle", "free-fall", "iris", "fashion-cnn", "resnet-cam", "gan-mnist8"];

    public static void Write(string stateRoot, int runs)
    {
        using var database = Open(stateRoot);
        var start = DateTimeOffset.UtcNow.AddMinutes(-runs);
        for (var i = 0; i < runs; i++)
        {
            var problem = Problems[i % Problems.Length];
            var owner = $"student{(i % 40 + 1).ToString("D2", CultureInfo.InvariantCulture)}";
            database.Add($"seed{i.ToString("D8", CultureInfo.InvariantCulture)}", problem, owner, start.AddMinutes(i), 20);
        }
        database.Commit();
    }

    /// <summary>One finished GAN run of <paramref name="epochs"/> epoch events (the GAN's six metrics each); its id.</summary>
    public static string WriteLong(string stateRoot, int epochs)
    {
        using var database = Open(stateRoot);
        database.Add("seedlong", "gan-mnist8", "student01", DateTimeOffset.UtcNow.AddHours(-1), epochs);
        database.Commit();
        return "seedlong";
    }

    private static SeedTransaction Open(string stateRoot)
    {
        var database = new RunDatabase(Path.Combine(stateRoot, RunDatabase.FileName));
        database.CreateSchema();
        return new SeedTransaction(database.Open());
    }

    private sealed class SeedTransaction(Microsoft.Data.Sqlite.SqliteConnection connection) : IDisposable
    {
        private readonly Microsoft.Data.Sqlite.SqliteTransaction _transaction = connection.BeginTransaction();

        public void Add(string id, string problem, string owner, DateTimeOffset createdAt, int epochs)
        {
            RunStoreSql.InsertRun(connection, _transaction, new NewRunRow(id, problem, owner, """{"epochs":3,"lr":0.001}""", "cpu",
                """{"torchSharp":"0.107.0","libtorch":"2.7.1",".NET":"10.0.0"}""", createdAt), "bench");
            foreach (var e in Events(id, problem, epochs)) RunStoreSql.AppendEvent(connection, _transaction, e, createdAt.AddMinutes(1));
        }

        public void Commit() => _transaction.Commit();

        public void Dispose()
        {
            _transaction.Dispose();
            connection.Dispose();
        }
    }

    private static IEnumerable<RunEvent> Events(string runId, string problemId, int epochs)
    {
        var seq = 0L;
        RunEvent New(string kind) => new() { Kind = kind, RunId = runId, ProblemId = problemId, Seq = ++seq };
        yield return New(RunEventKinds.Queued) with { QueuePosition = 0, Message = "Starting." };
        yield return New(RunEventKinds.Started) with { Message = "Running on cpu." };
        for (var epoch = 1; epoch <= epochs; epoch++)
            yield return New(RunEventKinds.Epoch) with { Epoch = epoch, Step = epoch * 100, Metrics = Metrics(problemId, epoch) };
        yield return New(RunEventKinds.Finished) with
        {
            Outcome = RunOutcome.Completed,
            Message = "completed after 42.0 s",
            Results = new Dictionary<string, double> { ["testAccuracy"] = 0.91, ["trainAccuracy"] = 0.95, ["loss"] = 0.05, ["seconds"] = 42 },
            Checks = [new CheckResult("test accuracy ≥ 0.85", true, "0.910"), new CheckResult("loss falls", true, "1.000 → 0.050"), new CheckResult("model saved", true, "model.safetensors")],
        };
    }

    private static Dictionary<string, double> Metrics(string problemId, int epoch) => problemId == "gan-mnist8"
        ? new() { ["lossD"] = 1.3 + 0.1 / epoch, ["lossG"] = 0.7 + 1.0 / epoch, ["dReal"] = 0.5 + 0.01 * Math.Sin(epoch), ["dFake"] = 0.5 - 0.01 * Math.Cos(epoch), ["targetShare"] = 1 - 1.0 / epoch, ["targetConfidence"] = 1 - 0.5 / epoch }
        : new() { ["loss"] = 1.0 / epoch, ["accuracy"] = 1 - 1.0 / epoch };
}

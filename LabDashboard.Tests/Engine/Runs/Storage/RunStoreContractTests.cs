using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LabDashboard.Tests.Engine.Runs.Storage;

/// <summary>
/// What every run store does, whatever keeps it: SQLite (the default) and PostgreSQL (a lab
/// cluster's shared history) run these same tests. <see cref="Open"/> opens a new store instance
/// on the same database each time, as a process restart would.
/// </summary>
public abstract class RunStoreContractTests : IDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    /// <summary>A new store on this test's database (created empty by the first call).</summary>
    private protected abstract IRunStore Open();

    public abstract void Dispose();

    [SkippableFact]
    public void A_run_row_follows_its_events_and_its_events_read_back_in_order()
    {
        var store = Open();
        Write(store, t => t.InsertRun(Row("r1", "iris", T0)));
        Assert.Equal(RunStatus.Queued, store.Find("r1")!.Status);

        Write(store, t =>
        {
            t.AppendEvent(Event("r1", 1, RunEventKinds.Started), T0.AddSeconds(1));
            t.AppendEvent(Event("r1", 2, RunEventKinds.Epoch) with { Epoch = 1, Metrics = new Dictionary<string, double> { ["loss"] = double.NaN } }, T0.AddSeconds(2));
            t.AppendEvent(Event("r1", 3, RunEventKinds.Log) with { Message = "ünïcode ✓" }, T0.AddSeconds(2));
        });
        Assert.Equal(RunStatus.Running, store.Find("r1")!.Status);
        Write(store, t => t.AppendEvent(Finished("r1", 4, RunOutcome.Completed), T0.AddSeconds(3)));

        var run = store.Find("r1")!;
        Assert.Equal(("r1", "iris", RunStatus.Completed, "cpu"), (run.Id, run.ProblemId, run.Status, run.Device));
        Assert.Equal(("""{"steps":3}""", """{"dotnet":"10"}"""), (run.SettingsJson, run.VersionsJson));
        Assert.Equal((T0, T0.AddSeconds(3)), (run.CreatedAt, run.FinishedAt));
        Assert.Equal("""{"accuracy":0.97}""", run.ResultsJson);
        Assert.Contains("\"passed\":true", run.ChecksJson);
        Assert.Null(run.Error);
        Assert.Equal(store.Worker, run.Worker);
        Assert.False(string.IsNullOrEmpty(run.Worker));
        var events = store.Events("r1", 0);
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Seq));
        Assert.True(double.IsNaN(events[1].Metrics!["loss"]));
        Assert.Equal("ünïcode ✓", events[2].Message);
        Assert.Equal(RunOutcome.Completed, events[3].Outcome);
        Assert.Equal([3L, 4], store.Events("r1", 2).Select(e => e.Seq));
        Assert.Equal([2L, 4], store.Events("r1", 0, [RunEventKinds.Epoch, RunEventKinds.Finished]).Select(e => e.Seq));
        // A page is read by the database, not cut from the whole rest of the run.
        Assert.Equal([2L, 3], store.Events("r1", 1, limit: 2).Select(e => e.Seq));
        Assert.Equal([2L], store.Events("r1", 0, [RunEventKinds.Epoch, RunEventKinds.Finished], 1).Select(e => e.Seq));
        Assert.Empty(store.Events("r1", 0, []));
        Assert.Empty(store.Events("unknown", 0));
    }

    [SkippableFact]
    public void An_event_stored_twice_is_kept_once_and_a_failed_run_keeps_its_error()
    {
        var store = Open();
        Write(store, t => t.InsertRun(Row("r1", "iris", T0)));
        Write(store, t => t.AppendEvent(Event("r1", 1, RunEventKinds.Started), T0));
        Write(store, t => t.AppendEvent(Event("r1", 1, RunEventKinds.Started) with { Message = "again" }, T0));
        Write(store, t => t.AppendEvent(Finished("r1", 2, RunOutcome.Failed) with { Error = "boom" }, T0.AddSeconds(1)));

        Assert.Null(Assert.Single(store.Events("r1", 0, [RunEventKinds.Started])).Message);
        Assert.Equal((RunStatus.Failed, "boom"), (store.Find("r1")!.Status, store.Find("r1")!.Error));
    }

    [SkippableFact]
    public void Runs_list_newest_first_by_problem_and_owner_and_page_by_cursor_with_ties_broken_by_id()
    {
        var store = Open();
        Write(store, t =>
        {
            t.InsertRun(Row("a1", "iris", T0));
            t.InsertRun(Row("b2", "iris", T0.AddSeconds(1)));
            t.InsertRun(Row("c3", "gan", T0.AddSeconds(1), owner: "ada"));
            t.InsertRun(Row("d4", "iris", T0.AddSeconds(2), owner: "ada"));
        });

        Assert.Equal(["d4", "c3", "b2", "a1"], store.List(new RunQuery()).Select(r => r.Id));
        Assert.Equal(["d4", "b2", "a1"], store.List(new RunQuery("iris")).Select(r => r.Id));
        var first = store.List(new RunQuery(Limit: 2));
        Assert.Equal(["d4", "c3"], first.Select(r => r.Id));
        var cursor = new RunCursor(first[^1].CreatedAt, first[^1].Id);
        Assert.Equal(["b2", "a1"], store.List(new RunQuery(Limit: 2, Before: cursor)).Select(r => r.Id));
        Assert.Equal(["b2"], store.List(new RunQuery("iris", 1, new RunCursor(T0.AddSeconds(2), "d4"))).Select(r => r.Id));
        Assert.Empty(store.List(new RunQuery(Before: new RunCursor(T0, "a1"))));
        Assert.Equal([("d4", "ada"), ("c3", "ada")], store.List(new RunQuery(Owner: "ada")).Select(r => (r.Id, r.Owner)));
        Assert.Equal(["d4"], store.List(new RunQuery("iris", Owner: "ada")).Select(r => r.Id));
        Assert.Equal(RunOwners.Local, store.Find("a1")!.Owner);
    }

    [SkippableFact]
    public void Exists_and_Delete_answer_from_the_row_and_a_live_run_is_not_deleted()
    {
        var store = Open();
        Write(store, t =>
        {
            t.InsertRun(Row("done", "iris", T0));
            t.AppendEvent(Finished("done", 1, RunOutcome.Completed), T0);
            t.InsertRun(Row("live", "iris", T0));
            t.AppendEvent(Event("live", 1, RunEventKinds.Started), T0);
        });
        Assert.True(store.Exists("done"));
        Assert.False(store.Exists("nope"));

        var deleted = new List<bool>();
        Write(store, t => deleted.AddRange([t.DeleteRun("done"), t.DeleteRun("live"), t.DeleteRun("nope")]));

        Assert.Equal([true, false, false], deleted);
        Assert.False(store.Exists("done"));
        Assert.Empty(store.Events("done", 0));
        Assert.True(store.Exists("live"));
    }

    [SkippableFact]
    public void A_batch_with_a_bad_change_is_written_one_by_one_so_the_others_are_kept()
    {
        var store = Open();
        using var writer = store.OpenWriter(NullLogger<RunStoreWriter>.Instance);

        var errors = writer.Commit([Change(t => t.InsertRun(Row("r1", "iris", T0))), Change(t => t.InsertRun(Row("r1", "iris", T0))), Change(t => t.InsertRun(Row("r2", "iris", T0)))]);

        Assert.Equal([false, true, false], errors.Select(e => e is not null));
        Assert.Equal(["r2", "r1"], store.List(new RunQuery()).Select(r => r.Id));
    }

    [SkippableFact]
    public void History_survives_a_restart_and_runs_left_live_finish_as_interrupted_at_their_last_event()
    {
        var store = Open();
        Write(store, t =>
        {
            t.InsertRun(Row("done", "iris", T0));
            t.AppendEvent(Event("done", 1, RunEventKinds.Started), T0);
            t.AppendEvent(Finished("done", 2, RunOutcome.Completed), T0.AddSeconds(5));
            t.InsertRun(Row("running", "gan", T0.AddSeconds(1)));
            t.AppendEvent(Event("running", 1, RunEventKinds.Started), T0.AddSeconds(2));
            t.AppendEvent(Event("running", 2, RunEventKinds.Epoch) with { ElapsedMs = 1234 }, T0.AddSeconds(3));
            t.InsertRun(Row("waiting", "gan", T0.AddSeconds(2)));
        });

        var restarted = Open();

        Assert.Equal(["waiting", "running", "done"], restarted.List(new RunQuery()).Select(r => r.Id));
        Assert.Equal((RunStatus.Completed, T0.AddSeconds(5)), (restarted.Find("done")!.Status, restarted.Find("done")!.FinishedAt));
        Assert.Equal([1L, 2], restarted.Events("done", 0).Select(e => e.Seq));
        var running = restarted.Find("running")!;
        Assert.Equal((RunStatus.Interrupted, InterruptedRunRecovery.Message), (running.Status, running.Error));
        Assert.Equal(T0.AddSeconds(2).AddMilliseconds(1234), running.FinishedAt);
        var finished = restarted.Events("running", 2).Single();
        Assert.Equal((3L, RunEventKinds.Finished, RunOutcome.Interrupted, 1234L), (finished.Seq, finished.Kind, finished.Outcome, finished.ElapsedMs));
        Assert.Equal(RunStatus.Interrupted, restarted.Find("waiting")!.Status);
        Assert.Equal([1L], restarted.Events("waiting", 0).Select(e => e.Seq));
        Assert.Equal(3, Open().Events("running", 0).Count);
    }

    private static void Write(IRunStore store, Action<IRunStoreTransaction> write)
    {
        using var writer = store.OpenWriter(NullLogger<RunStoreWriter>.Instance);
        var error = Assert.Single(writer.Commit([Change(write)]));
        if (error is not null) throw error;
    }

    private protected static IRunStoreChange Change(Action<IRunStoreTransaction> write) => new ActionChange(write);

    private protected static NewRunRow Row(string id, string problemId, DateTimeOffset createdAt, string owner = RunOwners.Local) =>
        new(id, problemId, owner, """{"steps":3}""", "cpu", """{"dotnet":"10"}""", createdAt);

    private protected static RunEvent Event(string runId, long seq, string kind) =>
        new() { Seq = seq, Kind = kind, RunId = runId, ProblemId = "iris" };

    private static RunEvent Finished(string runId, long seq, RunOutcome outcome) => Event(runId, seq, RunEventKinds.Finished) with
    {
        Outcome = outcome,
        Results = new Dictionary<string, double> { ["accuracy"] = 0.97 },
        Checks = [new CheckResult("accuracy", true, "0.97 ≥ 0.9")],
    };

    private sealed class ActionChange(Action<IRunStoreTransaction> write) : IRunStoreChange
    {
        public void Write(IRunStoreTransaction transaction) => write(transaction);
    }
}

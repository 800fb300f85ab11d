using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.Data.Sqlite;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceListTests
{
    [Fact]
    public async Task Pages_of_a_list_cover_every_run_once_newest_first_live_and_stored_alike()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var finished = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var runId = await fixture.StartAsync("gated", """{"steps": 1}""");
            problem.Release(1);
            await fixture.WatchToEnd(runId);
            finished.Add(runId);
        }
        var live = await fixture.StartAsync("gated", """{"steps": 1}""");
        var everyRun = fixture.Service.List().Select(s => s.RunId).ToList();

        var paged = new List<string>();
        RunCursor? cursor = null;
        for (var page = 0; page < 4; page++)
        {
            var runs = fixture.Service.List(new RunQuery(Limit: 2, Before: cursor));
            Assert.True(runs.Count <= 2);
            paged.AddRange(runs.Select(r => r.RunId));
            if (runs.Count < 2) break;
            cursor = RunCursor.After(runs[^1]);
        }

        Assert.Equal(6, everyRun.Count);
        Assert.Equal(everyRun, paged);
        Assert.Equal(live, paged[0]);
        Assert.Equal(Enumerable.Reverse(finished), paged.Skip(1));
        problem.Release(1);
        await fixture.WatchToEnd(live);
    }

    [Fact]
    public async Task A_run_keeps_its_owner_live_stored_and_after_a_restart_and_lists_filter_by_owner()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var settings = JsonDocument.Parse("""{"steps": 1}""").RootElement;
        var alice = await fixture.Service.StartAsync("gated", settings, "alice");
        var bob = await fixture.Service.StartAsync("gated", settings, "bob");
        var local = await fixture.StartAsync("gated", """{"steps": 1}""");
        Assert.Equal("alice", fixture.Service.List(new RunQuery(Owner: "alice")).Single().Owner);
        foreach (var runId in new[] { alice, bob, local }) await fixture.WatchToEnd(runId);

        var service = fixture.Restart();

        Assert.Equal([alice], service.List(new RunQuery(Owner: "alice")).Select(s => s.RunId));
        Assert.Equal([bob], service.List(new RunQuery(Owner: "bob")).Select(s => s.RunId));
        Assert.Equal(RunOwners.Local, service.Get(local)!.Summary.Owner);
        Assert.Equal(3, service.List().Count);
    }

    [Fact]
    public void Runs_stored_before_owners_existed_belong_to_the_local_owner()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        fixture.Service.Dispose();
        foreach (var file in Directory.GetFiles(fixture.StateRoot, "labdashboard.db*")) File.Delete(file);
        WriteOldDatabase(fixture.StateRoot);

        var service = fixture.Restart();

        var run = Assert.Single(service.List(new RunQuery(Owner: RunOwners.Local)));
        Assert.Equal(("old-run", RunStatus.Completed), (run.RunId, run.Status));
        Assert.Null(service.Get("old-run")!.Worker);
        Assert.Empty(service.List(new RunQuery(Owner: "alice")));
    }

    /// <summary>The schema as it was before runs had owners, with one finished run.</summary>
    private static void WriteOldDatabase(string stateRoot)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(stateRoot, "labdashboard.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE runs (id TEXT PRIMARY KEY, problem_id TEXT NOT NULL, status TEXT NOT NULL, settings TEXT NOT NULL,
                device TEXT NOT NULL, versions TEXT NOT NULL, created_at INTEGER NOT NULL, started_at INTEGER,
                finished_at INTEGER, results TEXT, checks TEXT, error TEXT);
            CREATE TABLE events (run_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL,
                PRIMARY KEY (run_id, seq)) WITHOUT ROWID;
            INSERT INTO runs (id, problem_id, status, settings, device, versions, created_at, started_at, finished_at, results, checks)
            VALUES ('old-run', 'gated', 'completed', '{"steps":1,"fail":false}', 'cpu', '{}', 1700000000000, 1700000000000, 1700000001000, '{}', '[]');
            """;
        command.ExecuteNonQuery();
    }

    [Theory]
    [InlineData("1700000000000-abc123", true)]
    [InlineData("1700000000000-", false)]
    [InlineData("-abc", false)]
    [InlineData("abc-def", false)]
    [InlineData("1700000000000-a/b", false)]
    public void Cursors_read_back_only_in_the_form_they_are_written(string text, bool valid)
    {
        var cursor = RunCursor.Parse(text);

        Assert.Equal(valid, cursor is not null);
        if (cursor is not null) Assert.Equal(text, cursor.ToString());
    }

    [Fact]
    public async Task A_list_read_again_shows_every_status_change_at_once_and_is_shared_while_nothing_changes()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated", """{"steps": 2}""");
        var waiting = await fixture.StartAsync("gated", """{"steps": 1}""");
        RunSummary Listed(string id) => fixture.Service.List().Single(r => r.RunId == id);
        await using var events = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None));
        await events.UntilKind("started");
        Assert.Equal(RunStatus.Running, Listed(runId).Status);
        Assert.Same(fixture.Service.List(), fixture.Service.List());

        Assert.True(await fixture.Service.PauseAsync(runId));
        Assert.Equal(RunStatus.Paused, Listed(runId).Status);
        Assert.True(await fixture.Service.CancelAsync(waiting));
        Assert.Equal(RunStatus.Cancelled, Listed(waiting).Status);
        Assert.True(await fixture.Service.ResumeAsync(runId));
        Assert.Equal(RunStatus.Running, Listed(runId).Status);
        problem.Release(2);
        await events.UntilKind("finished");
        Assert.Equal(RunStatus.Completed, Listed(runId).Status);
        fixture.Service.Flush();
        Assert.True(await fixture.Service.DeleteAsync(waiting));
        Assert.DoesNotContain(fixture.Service.List(), r => r.RunId == waiting);
    }
}

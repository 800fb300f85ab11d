using LabDashboard.Engine.Runs;
using Microsoft.Data.Sqlite;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceRestartTests
{
    [Fact]
    public async Task Completed_runs_survive_a_restart_with_their_history()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = await fixture.StartAsync("gated", """{"steps": 3}""");
        var before = await fixture.WatchToEnd(runId);

        var service = fixture.Restart();

        var summary = Assert.Single(service.List());
        Assert.Equal((runId, RunStatus.Completed), (summary.RunId, summary.Status));
        Assert.Equal(3, summary.Results["steps"]);
        var record = service.Get(runId)!;
        Assert.Equal([1.0, 0.5, 1.0 / 3], record.EpochEvents.Select(e => e.Metrics!["loss"]));
        Assert.Equal(3, record.Settings["steps"]);
        Assert.Equal(["dotnet", "libtorch", "os", "threads", "torchSharp"], record.Versions.Keys.Order());
        Assert.NotNull(summary.FinishedAt);
        var after = await fixture.WatchToEnd(runId);
        Assert.Equal(before.Select(e => (e.Seq, e.Kind, e.ElapsedMs)), after.Select(e => (e.Seq, e.Kind, e.ElapsedMs)));
        Assert.Equal(before.Skip(2).Select(e => e.Seq), (await fixture.WatchToEnd(runId, afterSeq: 2)).Select(e => e.Seq));
    }

    [Fact]
    public async Task Runs_live_when_the_service_stops_are_interrupted_and_stay_so_after_a_restart()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var running = await fixture.StartAsync("gated", """{"steps": 5}""");
        var waiting = await fixture.StartAsync("gated");
        problem.Release(2);
        await using (var reader = new EventReader(fixture.Service.Watch(running, 0, CancellationToken.None)))
            await reader.Until(e => e.Epoch == 2);

        var service = fixture.Restart();

        Assert.Equal(RunStatus.Interrupted, service.Get(running)!.Summary.Status);
        Assert.Equal(2, service.Get(running)!.EpochEvents.Count);
        Assert.Equal(RunStatus.Interrupted, service.Get(waiting)!.Summary.Status);
        var events = await fixture.WatchToEnd(running);
        Assert.Equal(RunOutcome.Interrupted, events[^1].Outcome);
        Assert.Single(events, e => e.Kind == "finished");
    }

    [Fact]
    public async Task A_run_left_running_by_a_process_that_died_is_marked_interrupted_at_start()
    {
        using var fixture = new RunServiceFixture(new GatedProblem());
        fixture.Service.Dispose();
        WriteRunLeftRunning(fixture.StateRoot, "dead-run");

        var service = fixture.Restart();

        var record = service.Get("dead-run")!;
        Assert.Equal(RunStatus.Interrupted, record.Summary.Status);
        Assert.Single(record.EpochEvents);
        var events = await fixture.WatchToEnd("dead-run");
        Assert.Equal([(1L, "started"), (2L, "epoch"), (3L, "finished")], events.Select(e => (e.Seq, e.Kind)));
        Assert.Equal(RunOutcome.Interrupted, events[^1].Outcome);
        Assert.Equal(1234, events[^1].ElapsedMs);
    }

    [Fact]
    public void An_interrupted_run_finished_at_its_last_event_not_at_the_restart()
    {
        using var fixture = new RunServiceFixture(new GatedProblem());
        fixture.Service.Dispose();
        WriteRunLeftRunning(fixture.StateRoot, "dead-run");

        var service = fixture.Restart();

        // Started at 1700000000000 ms, last event 1234 ms later.
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_001_234), service.Get("dead-run")!.Summary.FinishedAt);
    }

    [Fact]
    public async Task Images_are_served_before_and_after_a_restart_until_the_run_is_deleted()
    {
        using var fixture = new RunServiceFixture(new ImageProblem());
        var runId = await fixture.StartAsync("images");
        var events = await fixture.WatchToEnd(runId);
        Assert.Equal($"/api/runs/{runId}/images/sample/2", events.Last(e => e.Kind == "image").Image!.Url);
        Assert.Equal(ImageProblem.BytesFor(2), fixture.Service.GetImage(runId, "sample", 2)!.Value.Bytes);

        var service = fixture.Restart();
        var image = service.GetImage(runId, "sample", 1)!.Value;
        Assert.Equal(ImageProblem.BytesFor(1), image.Bytes);
        Assert.Equal("image/png", image.Mime);

        Assert.True(await service.DeleteAsync(runId));

        Assert.Null(service.Get(runId));
        Assert.Null(service.GetImage(runId, "sample", 1));
        Assert.Empty(service.List());
        Assert.Throws<UnknownRunException>(() => service.Watch(runId, 0, CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(fixture.StateRoot, "runs", runId)));
        Assert.False(await service.DeleteAsync(runId));
    }

    [Fact]
    public async Task Deleting_a_run_deletes_the_models_it_saved_and_no_other_runs()
    {
        using var fixture = new RunServiceFixture(new ModelProblem());
        var deleted = await fixture.StartAsync("models");
        var kept = await fixture.StartAsync("models");
        await fixture.WatchToEnd(deleted);
        await fixture.WatchToEnd(kept);
        var folder = (string runId) => Path.Combine(fixture.StateRoot, ModelProblem.ModelsFolder, runId);
        Assert.True(Directory.Exists(folder(deleted)));

        Assert.True(await fixture.Service.DeleteAsync(deleted));

        Assert.False(Directory.Exists(folder(deleted)));
        Assert.True(File.Exists(Path.Combine(folder(kept), "model.json")));
    }

    [Fact]
    public async Task A_live_run_cannot_be_deleted_and_a_just_finished_one_can()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated", """{"steps": 1}""");

        Assert.False(await fixture.Service.DeleteAsync(runId));

        problem.Release(1);
        await fixture.WatchToEnd(runId);
        Assert.True(await fixture.Service.DeleteAsync(runId));
        Assert.Null(fixture.Service.Get(runId));
    }

    [Fact]
    public void Image_names_that_could_escape_the_run_folder_are_not_served()
    {
        using var fixture = new RunServiceFixture(new ImageProblem());

        Assert.Null(fixture.Service.GetImage("..", "sample", 1));
        Assert.Null(fixture.Service.GetImage("run", "../../labdashboard", 1));
    }

    private static void WriteRunLeftRunning(string stateRoot, string runId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(stateRoot, "labdashboard.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (id, problem_id, status, settings, device, versions, created_at, started_at)
            VALUES ('RUN_ID', 'gated', 'running', '{"steps":5,"fail":false}', 'cpu', '{}', 1700000000000, 1700000000000);
            INSERT INTO events (run_id, seq, kind, json) VALUES
              ('RUN_ID', 1, 'started', '{"seq":1,"kind":"started","runId":"RUN_ID","problemId":"gated","elapsedMs":0}'),
              ('RUN_ID', 2, 'epoch', '{"seq":2,"kind":"epoch","runId":"RUN_ID","problemId":"gated","epoch":1,"elapsedMs":1234,"metrics":{"loss":1}}');
            """.Replace("RUN_ID", runId);
        command.ExecuteNonQuery();
    }
}

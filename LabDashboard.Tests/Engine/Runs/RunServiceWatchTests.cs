using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.Data.Sqlite;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceWatchTests
{
    [Fact]
    public async Task Watch_after_a_seq_yields_exactly_the_missing_events_of_a_finished_run()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = await fixture.StartAsync("gated", """{"steps": 5}""");
        var all = await fixture.WatchToEnd(runId);

        var rest = await fixture.WatchToEnd(runId, afterSeq: 3);

        // A finished run's history may come back from the store as new objects: compare contents.
        Assert.Equal(all.Skip(3).Select(Json), rest.Select(Json));
        Assert.Empty(await fixture.WatchToEnd(runId, afterSeq: all[^1].Seq));
    }

    [Fact]
    public async Task A_watcher_joining_mid_run_and_one_resuming_after_a_seq_miss_nothing_and_repeat_nothing()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated", """{"steps": 6}""");
        problem.Release(3);
        long lastSeen;
        await using (var early = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None)))
            lastSeen = (await early.Until(e => e.Epoch == 3)).Seq;
        var beforeDisconnect = await ReadSeqs(fixture, runId, 0, lastSeen);

        await using var joiner = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None));
        await using var resumer = new EventReader(fixture.Service.Watch(runId, lastSeen, CancellationToken.None));
        problem.Release(3);
        await joiner.UntilKind("finished");
        await resumer.UntilKind("finished");

        var expected = Enumerable.Range(1, joiner.Seen.Count).Select(i => (long)i).ToList();
        Assert.Equal(expected, joiner.Seen.Select(e => e.Seq));
        Assert.Equal(expected, beforeDisconnect.Concat(resumer.Seen.Select(e => e.Seq)));
        Assert.Equal(6, joiner.Seen.Count(e => e.Kind == "epoch"));
        Assert.True(await joiner.Ended());
    }

    [Fact]
    public async Task Batch_events_are_thinned_before_they_get_a_seq_but_epochs_never_are()
    {
        var options = new RunServiceOptions { BatchInterval = TimeSpan.FromHours(1) };
        using var fixture = new RunServiceFixture(options, new BatchingProblem());
        var runId = await fixture.StartAsync("batching");

        var events = await fixture.WatchToEnd(runId);

        Assert.Single(events, e => e.Kind == "batch");
        Assert.Equal(BatchingProblem.Epochs, events.Count(e => e.Kind == "epoch"));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
    }

    [Fact]
    public void Watching_an_unknown_run_is_refused()
    {
        using var fixture = new RunServiceFixture(new GatedProblem());

        Assert.Throws<UnknownRunException>(() => fixture.Service.Watch("nope", 0, CancellationToken.None));
    }

    [Fact]
    public async Task A_kind_filter_yields_only_those_kinds_live_and_from_the_store_and_still_ends_at_the_finish()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated", """{"steps": 4}""");
        await using var epochsOnly = new EventReader(fixture.Service.Watch(runId, 0, [RunEventKinds.Epoch], CancellationToken.None));
        problem.Release(2);
        await epochsOnly.Until(e => e.Epoch == 2);
        await using var lateJoiner = new EventReader(fixture.Service.Watch(runId, 0, [RunEventKinds.Epoch, RunEventKinds.Finished], CancellationToken.None));
        problem.Release(2);

        await lateJoiner.UntilKind("finished");
        await epochsOnly.Until(e => e.Epoch == 4);
        Assert.True(await epochsOnly.Ended());
        var all = await fixture.WatchToEnd(runId);
        var stored = await Collect(fixture.Restart().Watch(runId, 2, [RunEventKinds.Epoch, RunEventKinds.Finished], CancellationToken.None));

        Assert.Equal([1, 2, 3, 4], epochsOnly.Seen.Select(e => e.Epoch!.Value));
        Assert.Equal(["epoch", "epoch", "epoch", "epoch", "finished"], lateJoiner.Seen.Select(e => e.Kind));
        Assert.Equal(all.Where(e => e.Kind is "epoch" or "finished").Select(e => e.Seq), lateJoiner.Seen.Select(e => e.Seq));
        Assert.Equal(all.Where(e => e.Seq > 2 && e.Kind is "epoch" or "finished").Select(e => e.Seq), stored.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_hundred_watchers_joining_at_different_moments_each_get_every_event_once_in_order()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated", """{"steps": 20}""");

        var watchers = new List<Task<List<RunEvent>>>();
        for (var i = 0; i < 100; i++)
        {
            watchers.Add(Task.Run(() => Collect(fixture.Service.Watch(runId, 0, CancellationToken.None))));
            if (i % 10 == 9) problem.Release(2);
        }
        var seen = await Task.WhenAll(watchers).WaitAsync(TimeSpan.FromSeconds(60));

        var all = await fixture.WatchToEnd(runId);
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(e => e.Seq));
        Assert.All(seen, events => Assert.Equal(all.Select(e => e.Seq), events.Select(e => e.Seq)));
        Assert.Equal(20, all.Count(e => e.Kind == "epoch"));
    }

    [Fact]
    public async Task Exists_and_watching_a_stored_run_from_its_last_seq_read_none_of_its_events()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = await fixture.StartAsync("gated", """{"steps": 3}""");
        var all = await fixture.WatchToEnd(runId);
        var service = fixture.Restart();
        CorruptEvents(fixture.StateRoot, runId);

        Assert.True(service.Exists(runId));
        Assert.False(service.Exists("nope"));
        Assert.Empty(await fixture.WatchToEnd(runId, afterSeq: all[^1].Seq));
        Assert.ThrowsAny<JsonException>(() => service.Get(runId));
    }

    /// <summary>Makes every stored event of the run unreadable, so any code path that reads one throws.</summary>
    internal static void CorruptEvents(string stateRoot, string runId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(stateRoot, "labdashboard.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE events SET json = 'not json' WHERE run_id = $run";
        command.Parameters.AddWithValue("$run", runId);
        Assert.True(command.ExecuteNonQuery() > 0);
    }

    private static async Task<List<RunEvent>> Collect(IAsyncEnumerable<RunEvent> stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<RunEvent>();
        await foreach (var e in stream.WithCancellation(timeout.Token)) events.Add(e);
        return events;
    }

    private static async Task<List<long>> ReadSeqs(RunServiceFixture fixture, string runId, long afterSeq, long upTo)
    {
        await using var reader = new EventReader(fixture.Service.Watch(runId, afterSeq, CancellationToken.None));
        await reader.Until(e => e.Seq == upTo);
        return reader.Seen.Select(e => e.Seq).ToList();
    }

    private static string Json(RunEvent e) => System.Text.Json.JsonSerializer.Serialize(e);
}

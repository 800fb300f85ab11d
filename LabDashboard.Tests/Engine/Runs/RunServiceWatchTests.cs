using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceWatchTests
{
    [Fact]
    public async Task Watch_after_a_seq_yields_exactly_the_missing_events_of_a_finished_run()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = fixture.Start("gated", """{"steps": 5}""");
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
        var runId = fixture.Start("gated", """{"steps": 6}""");
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
        var runId = fixture.Start("batching");

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

    private static async Task<List<long>> ReadSeqs(RunServiceFixture fixture, string runId, long afterSeq, long upTo)
    {
        await using var reader = new EventReader(fixture.Service.Watch(runId, afterSeq, CancellationToken.None));
        await reader.Until(e => e.Seq == upTo);
        return reader.Seen.Select(e => e.Seq).ToList();
    }

    private static string Json(RunEvent e) => System.Text.Json.JsonSerializer.Serialize(e);
}

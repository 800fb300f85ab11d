using Bunit;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Pages;
using LabDashboard.Web.Components.Problems.FashionCnn;
using LabDashboard.Web.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components;

public class RunFeedTests : LabComponentTest
{
    [Fact]
    public async Task A_run_feed_reads_only_Watch_from_the_view_s_last_seq_and_folds_events_in_on_the_dispatcher()
    {
        var view = RunView.FromSummary(Summary("r1", RunStatus.Running));
        var changed = new TaskCompletionSource();
        var onDispatcher = 0;
        await using var feed = new RunFeed(Runs.AsLocalUser(), view, action => { onDispatcher++; action(); return Task.CompletedTask; }, () => changed.TrySetResult());
        await WaitForStreams(1);

        Runs.Publish(Event("r1", 1, RunEventKinds.Queued));
        Runs.Publish(Event("r2", 1, RunEventKinds.Started));
        Runs.Publish(Event("r1", 2, RunEventKinds.Started));
        Runs.Publish(Event("r1", 3, RunEventKinds.Epoch) with { Epoch = 1, Metrics = new Dictionary<string, double> { ["loss"] = 0.5 } });
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["r1"], Runs.WatchesOpened);
        Assert.True(onDispatcher > 0);
        Assert.Equal(0.5, Assert.Single(view.Points).Value["loss"]);
        Assert.Equal(RunStatus.Running, view.Status);
        Assert.Equal(3, view.LastSeq);
    }

    [Fact]
    public void A_finished_run_keeps_its_listed_status_while_its_history_replays_and_repeats_count_once()
    {
        var view = RunView.FromSummary(Summary("r1", RunStatus.Completed));

        Assert.True(view.Apply(Event("r1", 1, RunEventKinds.Queued)));
        Assert.True(view.Apply(Event("r1", 2, RunEventKinds.Started)));
        Assert.False(view.Apply(Event("r1", 2, RunEventKinds.Started)));
        Assert.True(view.Apply(Event("r1", 3, RunEventKinds.Finished) with { Outcome = RunOutcome.Completed }));

        Assert.Equal(RunStatus.Completed, view.Status);
        Assert.Equal(3, view.LastSeq);
    }

    [Fact]
    public async Task The_home_page_re_renders_on_a_status_change_from_the_status_feed_alone()
    {
        var home = Render<Home>();
        await WaitForStreams(1);
        var renders = home.RenderCount;

        Runs.Publish(Event("r1", 3, RunEventKinds.Finished) with { Outcome = RunOutcome.Completed });

        home.WaitForAssertion(() => Assert.True(home.RenderCount > renders), TimeSpan.FromSeconds(10));
        Assert.Empty(Runs.WatchesOpened);
    }

    [Fact]
    public async Task The_runs_page_re_reads_its_table_on_a_status_change()
    {
        var page = Render<RunsPage>();
        await WaitForStreams(1);

        Runs.Records.Add(new RunRecord(Summary("r7", RunStatus.Queued), new Dictionary<string, object>(), "cpu", new Dictionary<string, string>(), [], null));
        Runs.Publish(Event("r7", 1, RunEventKinds.Queued));

        page.WaitForAssertion(() => Assert.Contains("r7", page.Find("[data-testid=runs-table]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Empty(Runs.WatchesOpened);
    }

    [Fact]
    public void The_batch_monitor_draws_the_page_s_run_view_and_opens_no_stream()
    {
        var view = new RunView("r1", "test-mle");
        for (var i = 1; i <= 3; i++)
            view.Apply(Event("r1", i, RunEventKinds.Batch) with { Step = i * 10, Metrics = new Dictionary<string, double> { ["loss"] = 1.0 / i, ["samplesPerSec"] = 900 } });

        var monitor = Render<BatchMonitor>(p => p.Add(c => c.Run, view));

        Assert.Equal("0.3333", monitor.Find("[data-testid=batch-loss]").TextContent);
        Assert.Single(monitor.FindAll("polyline"));
        Assert.Equal(0, Runs.OpenStreams);
    }

    [Fact]
    public void A_run_view_thins_its_batch_points_to_the_cap()
    {
        var view = new RunView("r1", "test-mle");
        for (var i = 1; i <= 2 * RunView.MaxBatchPoints; i++)
            view.Apply(Event("r1", i, RunEventKinds.Batch) with { Step = i, Metrics = new Dictionary<string, double> { ["loss"] = i } });

        Assert.InRange(view.Batches.Count, RunView.MaxBatchPoints / 2, RunView.MaxBatchPoints);
        Assert.Equal(1, view.Batches[0].Step);
        Assert.Equal(2 * RunView.MaxBatchPoints, view.Batches[^1].Step);
    }

    private async Task WaitForStreams(int count)
    {
        for (var i = 0; i < 200 && Runs.OpenStreams < count; i++) await Task.Delay(25);
        Assert.Equal(count, Runs.OpenStreams);
    }

    private static RunSummary Summary(string runId, RunStatus status) =>
        new(runId, "test-mle", status, DateTimeOffset.UtcNow, null, new Dictionary<string, double>(), [], null);

    private static RunEvent Event(string runId, long seq, string kind) => new() { Seq = seq, Kind = kind, RunId = runId, ProblemId = "test-mle" };
}

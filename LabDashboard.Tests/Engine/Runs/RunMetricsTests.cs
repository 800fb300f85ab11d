using System.Diagnostics.Metrics;
using System.Text.Json;
using LabDashboard.Engine;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Engine.Runs;

[Collection(SeededTorchCollection.Name)]
public class RunMetricsTests
{
    [Fact]
    public async Task Real_runs_report_the_queue_of_this_worker_their_epoch_durations_and_their_outcomes()
    {
        using var state = new TempFolder();
        await using var provider = new ServiceCollection().AddMetrics().AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();
        using var recorded = new MeasurementRecorder(provider.GetRequiredService<IMeterFactory>());
        var runs = provider.GetRequiredService<IRunService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var running = await runs.StartAsync("exp-mle", Settings("""{"steps": 100000, "reportEvery": 10}"""));
        var queued = await runs.StartAsync("exp-mle", Settings("""{"steps": 200}"""));
        await runs.Watch(running, 0, [RunEventKinds.Epoch], timeout.Token).FirstAsync(timeout.Token);
        recorded.Observe();
        await runs.CancelAsync(running);
        var ends = await Task.WhenAll(LastEvent(runs, running, timeout.Token), LastEvent(runs, queued, timeout.Token));

        var worker = Environment.MachineName;
        Assert.Equal([1.0], recorded.Of(RunMetrics.RunsRunning, "worker", worker));
        Assert.Equal([1.0], recorded.Of(RunMetrics.RunsQueued, "worker", worker));
        Assert.Equal([RunOutcome.Cancelled, RunOutcome.Completed], ends.Select(e => e.Outcome));
        Assert.Equal([1.0], recorded.Of(RunMetrics.RunsFinished, "outcome", "cancelled"));
        Assert.Equal([1.0], recorded.Of(RunMetrics.RunsFinished, "outcome", "completed"));
        var epochs = recorded.Of(RunMetrics.EpochDuration, "problem", "exp-mle");
        Assert.Equal(runs.Get(running)!.EpochEvents.Count + runs.Get(queued)!.EpochEvents.Count, epochs.Count);
        Assert.All(epochs, seconds => Assert.InRange(seconds, 0, 60));
        Assert.Contains(epochs, seconds => seconds > 0);
    }

    private static JsonElement Settings(string json) => JsonDocument.Parse(json).RootElement;

    private static async Task<RunEvent> LastEvent(IRunService runs, string runId, CancellationToken cancellationToken) =>
        await runs.Watch(runId, 0, [RunEventKinds.Finished], cancellationToken).LastAsync(cancellationToken);
}

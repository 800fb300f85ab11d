using LabDashboard.Engine.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// On every worker silo: whenever this worker's device is free, it takes a run that waits in another
/// live worker's queue (fair across users, <see cref="PostgresRunHandovers.Queued"/>), so a worker that
/// joins or finishes early works off the cluster's queue. The run's grain on the busy worker lets it go
/// (<see cref="IRunGrain.HandOver"/>), and activating it again here takes it up with its history
/// (<see cref="IRunGrain.TakeOver"/>). Runs handed here that are not live (a take-up that never came)
/// are taken up the same way.
/// </summary>
internal sealed class QueuedRunPickup(RunService runs, IGrainFactory grains, ISiloStatusOracle silos, PostgresRunHandovers handovers,
    ILogger<QueuedRunPickup> logger) : BackgroundService
{
    /// <summary>How often a free worker looks for waiting runs (one indexed query while it is free).</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int Candidates = 8;
    // A worker killed a moment ago is still listed as active; its calls end only with Orleans' response
    // timeout (30 s). A handover that answers later is taken up by the sweep of runs handed here.
    private static readonly TimeSpan HandOverTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (runs.HasFreeDevice && runs.Worker is { } here) await TakeOne(here, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not look for runs waiting on other workers; trying again in {Interval}.", Interval);
            }
        }
    }

    private async Task TakeOne(string here, CancellationToken cancellationToken)
    {
        var workers = LiveWorkers();
        foreach (var run in await handovers.Queued(workers, Candidates, cancellationToken))
        {
            var grain = grains.GetGrain<IRunGrain>(run.Id);
            if (run.Worker == here)
            {
                if (!runs.IsLive(run.Id) && await grain.TakeOver()) return;
                continue;
            }
            if (!runs.CanTakeOver(run.ProblemId, run.SettingsJson, run.Owner)
                || !await grain.HandOver(here, runs.DeviceKind).WaitAsync(HandOverTimeout, cancellationToken)) continue;
            if (await grain.TakeOver()) logger.LogInformation("Took run {RunId} from the queue of worker {Worker}.", run.Id, run.Worker);
            return;
        }
    }

    /// <summary>The names of the silos the cluster holds active (this one included).</summary>
    private List<string> LiveWorkers() =>
        silos.GetApproximateSiloStatuses(onlyActive: true).Keys
            .Select(silo => silos.TryGetSiloName(silo, out var name) ? name : null)
            .OfType<string>().ToList();
}

/// <summary>Registers <see cref="QueuedRunPickup"/> on a worker silo.</summary>
internal static class QueuedRunPickupRegistration
{
    public static IServiceCollection AddQueuedRunPickup(this IServiceCollection services) => services.AddHostedService<QueuedRunPickup>();
}

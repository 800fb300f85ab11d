using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// On every silo: when the cluster declares another silo dead (Orleans' membership, after missed
/// probes), the runs that worker left queued, running or paused in the shared history are finished as
/// <c>interrupted</c>, as the worker itself would do at its next start. Every survivor does it; the
/// recovery locks the rows, so the second finds nothing left to mark. The silo's name is its
/// <c>Cluster:WorkerName</c> (<see cref="ClusterHosting"/>), the name its runs are stored under.
/// </summary>
internal sealed class DeadWorkerRecovery(ISiloStatusOracle silos, PostgresRunDatabase history, ILogger<DeadWorkerRecovery> logger)
    : IHostedService, ISiloStatusListener
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        silos.SubscribeToSiloStatusEvents(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        silos.UnSubscribeFromSiloStatusEvents(this);
        return Task.CompletedTask;
    }

    public void SiloStatusChangeNotification(SiloAddress updatedSilo, SiloStatus status)
    {
        if (status != SiloStatus.Dead || updatedSilo.Equals(silos.SiloAddress) || !silos.TryGetSiloName(updatedSilo, out var worker)) return;
        // Off Orleans' notification thread: the recovery waits on the database.
        _ = Task.Run(() => Recover(worker));
    }

    private void Recover(string worker)
    {
        try
        {
            PostgresInterruptedRunRecovery.Run(history, worker);
            logger.LogWarning("Worker {Worker} was declared dead; its live runs are marked interrupted.", worker);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not mark the runs of dead worker {Worker} interrupted.", worker);
        }
    }
}

/// <summary>Registers <see cref="DeadWorkerRecovery"/> on a silo.</summary>
internal static class DeadWorkerRecoveryRegistration
{
    public static IServiceCollection AddDeadWorkerRecovery(this IServiceCollection services, string connectionString) => services
        .AddHostedService(sp => new DeadWorkerRecovery(sp.GetRequiredService<ISiloStatusOracle>(), new PostgresRunDatabase(connectionString),
            sp.GetRequiredService<ILogger<DeadWorkerRecovery>>()));
}

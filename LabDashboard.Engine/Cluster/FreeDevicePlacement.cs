using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// Places a run's grain on a worker silo with a free device (<see cref="FreeDevicePlacementDirector"/>):
/// never on a silo that advertises no device; a free one of the kind the run wants first (<see cref="WorkerChoice"/>).
/// </summary>
[GenerateSerializer, Immutable]
internal sealed class FreeDevicePlacement : PlacementStrategy;

/// <summary>Marks a grain class as placed by <see cref="FreeDevicePlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class FreeDevicePlacementAttribute() : PlacementAttribute(new FreeDevicePlacement());

/// <summary>
/// Runs on whichever silo places a grain. The candidates are the silos that advertise devices in
/// their metadata (<see cref="WorkerDevices"/>), known by their silo names, which are the worker
/// names their runs are stored under; the shared history decides among them
/// (<see cref="PostgresRunPlacements"/>).
/// </summary>
internal sealed class FreeDevicePlacementDirector(ISiloMetadataCache metadata, ISiloStatusOracle silos, PostgresRunPlacements placements)
    : IPlacementDirector
{
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var workers = new Dictionary<string, (SiloAddress Silo, WorkerDevices Devices)>(StringComparer.Ordinal);
        foreach (var silo in context.GetCompatibleSilos(target))
            if (WorkerDevices.Read(metadata.GetSiloMetadata(silo).Metadata) is { } devices && silos.TryGetSiloName(silo, out var name))
                workers.TryAdd(name, (silo, devices));
        var chosen = await placements.Place(target.GrainIdentity.Key.ToString()!, workers.ToDictionary(w => w.Key, w => w.Value.Devices), WantedDevice.Of(target))
            ?? throw new InvalidOperationException("No worker of the lab cluster is up: no silo advertises a device.");
        return workers[chosen].Silo;
    }
}

/// <summary>Sets a silo up for <see cref="FreeDevicePlacement"/>.</summary>
internal static class FreeDevicePlacementRegistration
{
    /// <summary>
    /// Advertises <paramref name="devices"/> in the silo's metadata (null: a silo that runs nothing) and
    /// adds the director, which every silo needs since any of them may place a run, and the history's
    /// side of handing waiting runs over (<see cref="PostgresRunHandovers"/>).
    /// </summary>
    public static ISiloBuilder AddFreeDevicePlacement(this ISiloBuilder silo, string connectionString, WorkerDevices? devices)
    {
        silo.UseSiloMetadata(devices?.Metadata() ?? []);
        silo.Services.AddSingleton(new PostgresRunHandovers(new PostgresRunDatabase(connectionString)));
        silo.Services.AddPlacementDirector<FreeDevicePlacement>(sp =>
        {
            var history = new PostgresRunDatabase(connectionString);
            history.CreateSchema();
            return new FreeDevicePlacementDirector(sp.GetRequiredService<ISiloMetadataCache>(), sp.GetRequiredService<ISiloStatusOracle>(),
                new PostgresRunPlacements(history));
        });
        return silo;
    }
}

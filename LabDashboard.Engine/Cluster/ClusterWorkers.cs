namespace LabDashboard.Engine.Cluster;

/// <summary>The workers a web front of a lab cluster sends runs to (registered only in <c>Cluster:Mode=orleans</c>).</summary>
public interface IClusterWorkers
{
    /// <summary>The names of the cluster's active silos, in name order: its workers (and, in role <c>all</c>, this process).</summary>
    Task<IReadOnlyList<string>> ActiveAsync();
}

/// <summary><see cref="IClusterWorkers"/> from Orleans' membership, through its management grain.</summary>
internal sealed class OrleansClusterWorkers(IGrainFactory grains) : IClusterWorkers
{
    public async Task<IReadOnlyList<string>> ActiveAsync() =>
        [.. (await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true)).Select(h => h.SiloName).Order(StringComparer.Ordinal)];
}

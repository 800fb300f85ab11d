using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LabDashboard.Engine.Cluster;

/// <summary>How engine types cross a lab cluster: as the JSON the run history stores, so a watcher sees the same event from a worker as from the database.</summary>
public static class ClusterSerialization
{
    /// <summary>Adds the codec to a silo's or a client's services.</summary>
    public static IServiceCollection AddLabClusterSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(type => type == typeof(RunEvent), RunEventJson.Options));
}

using System.Net;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace LabDashboard.Engine.Cluster;

/// <summary>Hosts Orleans as the <c>Cluster</c> settings say.</summary>
public static class ClusterHosting
{
    /// <summary>
    /// Nothing in <c>Cluster:Mode=none</c>. In <c>orleans</c> mode: a silo on <c>Cluster:SiloPort</c> and
    /// <c>Cluster:GatewayPort</c> for the roles <c>worker</c> and <c>all</c> (advertising its device; runs are
    /// placed on a free worker of the kind their problem prefers, <see cref="FreeDevicePlacement"/>, and a free
    /// worker takes runs waiting on busy ones, <see cref="QueuedRunPickup"/>), an Orleans client for
    /// <c>web</c>, members found through Redis (<c>ConnectionStrings:Redis</c>); for <c>web</c> and
    /// <c>all</c> the <see cref="IRunService"/> then starts runs on the cluster's workers, and a
    /// <c>web</c> role hosts no local run service at all. Call it
    /// after <see cref="EngineServiceCollectionExtensions.AddLabEngine"/>, whose run service it replaces.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are not usable (every problem named).</exception>
    public static IHostApplicationBuilder AddLabCluster(this IHostApplicationBuilder builder)
    {
        var options = LabClusterOptions.From(builder.Configuration);
        if (options.Mode != ClusterMode.Orleans) return builder;
        var problems = options.Problems().ToList();
        if (string.IsNullOrWhiteSpace(options.RedisConnectionString))
            problems.Add("Cluster:Mode=orleans needs ConnectionStrings:Redis (where the cluster's members find each other).");
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));

        if (options.Role == ClusterRole.Web)
        {
            HostNoRuns(builder.Services);
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(ids => Name(ids, options)).UseRedisClustering(options.RedisConnectionString!);
                client.Services.AddLabClusterSerialization();
            });
        }
        else
        {
            // Detected once: the engine trains on the device the silo advertises.
            var device = DeviceInfo.Detect();
            builder.Services.Replace(ServiceDescriptor.Singleton(device));
            builder.UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(ids => Name(ids, options)).UseRedisClustering(options.RedisConnectionString!);
                if (options.AdvertisedAddress is { } address) silo.ConfigureEndpoints(IPAddress.Parse(address), options.SiloPort, options.GatewayPort);
                else silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
                silo.Configure<SiloOptions>(o => o.SiloName = options.EffectiveWorkerName);
                silo.AddFreeDevicePlacement(options.ConnectionString!, WorkerDevices.Of(device));
                silo.Services.AddLabClusterSerialization().AddDeadWorkerRecovery(options.ConnectionString!).AddQueuedRunPickup();
            });
        }
        if (options.Role != ClusterRole.Worker)
        {
            builder.Services.AddSingleton<IRunService>(sp => new ClusterRunService(
                sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<ProblemCatalog>(), sp.GetRequiredService<LabPaths>(),
                new PostgresRunStore(options.ConnectionString!, worker: null), sp.GetRequiredService<IRunArtifactStore>()));
            builder.Services.AddSingleton<IClusterWorkers, OrleansClusterWorkers>();
        }
        return builder;
    }

    /// <summary>A web front trains nothing: no local engine that would queue runs or mark its own as interrupted.</summary>
    private static void HostNoRuns(IServiceCollection services)
    {
        services.RemoveAll<RunService>();
        services.RemoveAll<IRunService>();
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(RunServiceLifetime)));
    }

    private static void Name(ClusterOptions ids, LabClusterOptions options)
    {
        ids.ClusterId = options.Name;
        ids.ServiceId = options.Name;
    }
}

using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace LabDashboard.Web;

/// <summary>
/// The web app's part in a lab cluster (issue 16): the role from the <c>Cluster</c> settings
/// (<see cref="ClusterHosting.AddLabCluster"/>), <see cref="HealthPath"/> on every role, and the
/// SignalR Redis backplane when <c>ConnectionStrings:Redis</c> is set.
/// </summary>
public static class LabClusterWeb
{
    /// <summary>Answers 200 <c>Healthy</c> while the run history answers (and, on a silo, the silo is an active member); 503 otherwise. No sign-in needed.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Hosts the cluster role (nothing in <c>Cluster:Mode=none</c>) and registers the health check. Call after <c>AddLabEngine</c>.</summary>
    public static WebApplicationBuilder AddLabClusterRole(this WebApplicationBuilder builder)
    {
        builder.AddLabCluster();
        builder.Services.AddHealthChecks().AddCheck<RunHistoryHealthCheck>("runs");
        return builder;
    }

    /// <summary>With <c>ConnectionStrings:Redis</c>, hub messages reach clients of every web front of the cluster (channels prefixed by <c>Cluster:Name</c>).</summary>
    public static ISignalRServerBuilder AddRedisBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        var cluster = LabClusterOptions.From(configuration);
        if (string.IsNullOrWhiteSpace(cluster.RedisConnectionString)) return signalR;
        return signalR.AddStackExchangeRedis(cluster.RedisConnectionString, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(cluster.Name));
    }

    /// <summary>A worker of a lab cluster serves no pages, hub or API: only <see cref="HealthPath"/>.</summary>
    public static bool ServesOnlyHealth(IConfiguration configuration) =>
        LabClusterOptions.From(configuration) is { Mode: ClusterMode.Orleans, Role: ClusterRole.Worker };

    /// <summary>Maps <see cref="HealthPath"/>, open without sign-in (load balancers and systemd checks have no account).</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        return app;
    }

    /// <summary>Healthy when the history (SQLite or PostgreSQL) answers a one-row list and a silo, if this is one, is active.</summary>
    private sealed class RunHistoryHealthCheck(IRunService runs, IServiceProvider services) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await Task.Run(() => runs.List(new RunQuery(Limit: 1)), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The run history does not answer.", e);
            }
            if (services.GetService<Orleans.Runtime.ISiloStatusOracle>() is { } silo && silo.CurrentStatus != Orleans.Runtime.SiloStatus.Active)
                return HealthCheckResult.Unhealthy($"The silo is {silo.CurrentStatus}, not an active member of the cluster.");
            return HealthCheckResult.Healthy();
        }
    }
}

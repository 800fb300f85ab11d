using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Runs.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LabDashboard.Engine.Cluster;

/// <summary>The cluster settings and the run store they choose.</summary>
internal static class ClusterServiceCollectionExtensions
{
    /// <summary><see cref="LabClusterOptions"/> from configuration (defaults in a host without one), checked when the host starts.</summary>
    public static IServiceCollection AddLabClusterOptions(this IServiceCollection services)
    {
        services.AddOptions<LabClusterOptions>()
            .Configure<IServiceProvider>((options, sp) =>
            {
                if (sp.GetService<IConfiguration>() is { } configuration) options.Read(configuration);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LabClusterOptions>, Validator>();
        return services;
    }

    /// <summary>SQLite under <c>State:Root</c> in <c>none</c> mode; in <c>orleans</c> mode the shared PostgreSQL history, written as this worker's.</summary>
    public static IRunStore OpenRunStore(LabClusterOptions cluster, LabPaths paths) => cluster.Mode == ClusterMode.Orleans
        ? new PostgresRunStore(cluster.ConnectionString!, cluster.EffectiveWorkerName)
        : new RunStore(paths.StateRoot);

    /// <summary>
    /// Files under <c>State:Root</c> in <c>none</c> mode; in <c>orleans</c> mode the PostgreSQL database, which every
    /// worker and web front reaches, so a model trained on one worker is served by every front.
    /// </summary>
    public static IRunArtifactStore OpenArtifactStore(LabClusterOptions cluster, LabPaths paths)
    {
        if (cluster.Mode != ClusterMode.Orleans) return new DiskArtifactStore(paths);
        var database = new PostgresRunDatabase(cluster.ConnectionString!);
        database.CreateSchema();
        return new PostgresArtifactStore(database, paths);
    }

    /// <summary>Fails with every problem named, not one generic line.</summary>
    private sealed class Validator : IValidateOptions<LabClusterOptions>
    {
        public ValidateOptionsResult Validate(string? name, LabClusterOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}

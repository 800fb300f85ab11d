using System.Diagnostics.Metrics;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.ConvEinsum;
using LabDashboard.Engine.Problems.ExpMle;
using LabDashboard.Engine.Problems.FashionCnn;
using LabDashboard.Engine.Problems.FreeFall;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabDashboard.Engine;

/// <summary>Registers the engine with a service collection.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LabPaths"/>, <see cref="DeviceInfo"/> (detected once), the eight exam problems
    /// and their <see cref="ProblemCatalog"/>, the runs' <see cref="IRunArtifactStore"/>, and the <see cref="IRunService"/>
    /// singleton, which is created at host start and stopped (live runs interrupted, state flushed)
    /// at host stop. Its history is SQLite under <c>State:Root</c>, or with <c>Cluster:Mode=orleans</c>
    /// the PostgreSQL database of <c>ConnectionStrings:Lab</c> (see <see cref="LabClusterOptions"/>).
    /// </summary>
    public static IServiceCollection AddLabEngine(this IServiceCollection services, Action<LabEngineOptions> configure)
    {
        var options = new LabEngineOptions();
        configure(options);
        services.AddSingleton(new LabPaths(
            options.DataRoots.Select(Path.GetFullPath).ToList(),
            Path.GetFullPath(options.StateRoot)));
        services.AddSingleton(_ => DeviceInfo.Detect());
        services.AddEngineEnvironment();
        services.AddExamProblems();
        services.AddSingleton<ProblemCatalog>();
        services.AddCamService();
        services.AddLabClusterOptions();
        services.AddRunServiceOptions();
        services.AddSingleton(sp => ClusterServiceCollectionExtensions.OpenArtifactStore(
            sp.GetRequiredService<IOptions<LabClusterOptions>>().Value, sp.GetRequiredService<LabPaths>()));
        services.AddSingleton(sp => new RunService(
            sp.GetRequiredService<ProblemCatalog>(), sp.GetRequiredService<DeviceInfo>(), sp.GetRequiredService<LabPaths>(),
            sp.GetRequiredService<IOptions<RunServiceOptions>>().Value,
            ClusterServiceCollectionExtensions.OpenRunStore(sp.GetRequiredService<IOptions<LabClusterOptions>>().Value, sp.GetRequiredService<LabPaths>()),
            sp.GetService<ILoggerFactory>(), sp.GetRequiredService<IOptions<QuotaOptions>>().Value, sp.GetRequiredService<IRunArtifactStore>(),
            sp.GetService<IMeterFactory>()));
        services.AddSingleton<IRunService>(sp => sp.GetRequiredService<RunService>());
        services.AddHostedService<RunServiceLifetime>();
        return services;
    }

    /// <summary>
    /// <see cref="EngineEnvironmentOptions"/> from configuration (or, in a host without configuration, the
    /// environment), and <see cref="NativeHeapStartup"/>, which applies the heap tuning when the host starts.
    /// </summary>
    private static void AddEngineEnvironment(this IServiceCollection services)
    {
        services.AddOptions<EngineEnvironmentOptions>().Configure<IServiceProvider>((options, sp) =>
            options.CopyFrom(sp.GetService<IConfiguration>() is { } configuration
                ? EngineEnvironmentOptions.From(configuration)
                : EngineEnvironmentOptions.FromEnvironment()));
        services.AddSingleton<NativeHeapStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<NativeHeapStartup>());
    }

    /// <summary><see cref="RunServiceOptions"/> and <see cref="QuotaOptions"/> from the <c>Runs</c> and <c>Quotas</c> sections when the host has configuration, else the defaults.</summary>
    private static void AddRunServiceOptions(this IServiceCollection services)
    {
        services.AddOptions<QuotaOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(QuotaOptions.Section).Bind(options))
            .Validate(o => o.MaxQueuedRunsPerUser > 0 && o.MaxEpochBudgetPerUser > 0 && o.MaxDiskPerUserMb > 0, "Quotas:* limits must be positive.");
        services.AddOptions<RunServiceOptions>()
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(RunServiceOptions.Section).Bind(options))
            .Validate(o => o.PauseReleaseAfter > TimeSpan.Zero || o.PauseReleaseAfter == Timeout.InfiniteTimeSpan,
                "Runs:PauseReleaseAfter must be a positive time span (e.g. 00:03:00) or -00:00:00.001 for never.")
            .Validate(o => o.MaxImagesPerRun > 0, "Runs:MaxImagesPerRun must be positive.");
    }

    /// <summary>resnet-cam's <see cref="CamService"/>, configured from the <c>Cam</c> section (checked when the host starts).</summary>
    private static void AddCamService(this IServiceCollection services)
    {
        services.AddOptions<CamServiceOptions>()
            .BindConfiguration(CamServiceOptions.Section)
            .Validate(o => o.HasKnownPrecision, $"Cam:Precision must be one of {string.Join(", ", CamPrecisions.Names)}.")
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxPixels > 0, "Cam:MaxUploadBytes and Cam:MaxPixels must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CamServiceOptions>>().Value;
            return new CamService(sp.GetRequiredService<LabPaths>(), options.Limits, CamPrecisions.Parse(options.Precision), sp.GetRequiredService<IRunArtifactStore>());
        });
    }

    /// <summary>Registers the eight exam problems (see <see cref="AddProblem{TProblem}"/>).</summary>
    public static IServiceCollection AddExamProblems(this IServiceCollection services) => services
        .AddProblem<ConvEinsumProblem>()
        .AddProblem<ParamCountProblem>()
        .AddProblem<ExpMleProblem>()
        .AddProblem<FreeFallProblem>()
        .AddProblem<IrisProblem>()
        .AddProblem<FashionProblem>()
        .AddProblem<ResnetCamProblem>()
        .AddProblem<GanMnist8Problem>();

    /// <summary>
    /// Registers a problem as a singleton and as an <see cref="IProblem"/> of the <see cref="ProblemCatalog"/>;
    /// its constructor may take any registered service.
    /// </summary>
    public static IServiceCollection AddProblem<TProblem>(this IServiceCollection services) where TProblem : class, IProblem
    {
        services.AddSingleton<TProblem>();
        services.AddSingleton<IProblem>(sp => sp.GetRequiredService<TProblem>());
        return services;
    }
}

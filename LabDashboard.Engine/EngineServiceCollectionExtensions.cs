using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabDashboard.Engine;

/// <summary>Registers the engine with a service collection.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LabPaths"/>, <see cref="DeviceInfo"/> (detected once), the
    /// <see cref="ProblemCatalog"/> of every problem in the engine, and the <see cref="IRunService"/>
    /// singleton, which is created at host start and stopped (live runs interrupted, state flushed)
    /// at host stop.
    /// </summary>
    public static IServiceCollection AddLabEngine(this IServiceCollection services, Action<LabEngineOptions> configure)
    {
        var options = new LabEngineOptions();
        configure(options);
        services.AddSingleton(new LabPaths(
            options.DataRoots.Select(Path.GetFullPath).ToList(),
            Path.GetFullPath(options.StateRoot)));
        services.AddSingleton(_ => DeviceInfo.Detect());
        services.AddSingleton(_ => new ProblemCatalog(ProblemDiscovery.InstancesIn(typeof(EngineServiceCollectionExtensions).Assembly)));
        services.AddSingleton<RunService>();
        services.AddSingleton<IRunService>(sp => sp.GetRequiredService<RunService>());
        services.AddHostedService<RunServiceLifetime>();
        return services;
    }
}

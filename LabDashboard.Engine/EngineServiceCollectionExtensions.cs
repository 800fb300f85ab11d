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
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabDashboard.Engine;

/// <summary>Registers the engine with a service collection.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LabPaths"/>, <see cref="DeviceInfo"/> (detected once), the eight exam problems
    /// and their <see cref="ProblemCatalog"/>, and the <see cref="IRunService"/>
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
        services.AddExamProblems();
        services.AddSingleton<ProblemCatalog>();
        services.AddSingleton<RunService>();
        services.AddSingleton<IRunService>(sp => sp.GetRequiredService<RunService>());
        services.AddHostedService<RunServiceLifetime>();
        return services;
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

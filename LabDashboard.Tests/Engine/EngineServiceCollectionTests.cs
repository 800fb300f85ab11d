using System.Text.Json;
using LabDashboard.Engine;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.ExpMle;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabDashboard.Tests.Engine;

[Collection(SeededTorchCollection.Name)]
public class EngineServiceCollectionTests
{
    [Fact]
    public void AddLabEngine_registers_all_eight_exam_problems_in_exam_order()
    {
        using var state = new TempFolder();
        using var provider = new ServiceCollection().AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();

        var problems = provider.GetRequiredService<ProblemCatalog>().All.Select(p => (p.Descriptor.Number, p.Descriptor.Id)).ToList();

        Assert.Equal(
            [(1, "conv-einsum"), (2, "param-count"), (3, "exp-mle"), (4, "free-fall"), (5, "iris"), (6, "fashion-cnn"), (7, "resnet-cam"), (8, "gan-mnist8")],
            problems);
        Assert.Same(provider.GetRequiredService<DeviceInfo>(), provider.GetRequiredService<DeviceInfo>());
        Assert.Equal(state.Path, provider.GetRequiredService<LabPaths>().StateRoot);
    }

    [Fact]
    public void A_problem_registered_with_AddProblem_is_one_singleton_for_its_type_and_the_catalog()
    {
        using var provider = new ServiceCollection().AddProblem<ExpMleProblem>().AddSingleton<ProblemCatalog>().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<ExpMleProblem>(), Assert.Single(provider.GetRequiredService<ProblemCatalog>().All));
    }

    [Fact]
    public async Task The_registered_run_service_runs_exp_mle_and_keeps_it_after_the_host_stops()
    {
        using var state = new TempFolder();
        string runId;
        await using (var provider = new ServiceCollection().AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider())
        {
            var host = Assert.Single(provider.GetServices<IHostedService>());
            await host.StartAsync(CancellationToken.None);
            var runs = provider.GetRequiredService<IRunService>();
            runId = runs.Start("exp-mle", JsonDocument.Parse("""{"steps": 1000}""").RootElement);
            var finished = await LastEvent(runs.Watch(runId, 0, CancellationToken.None));
            Assert.Equal(RunOutcomes.Completed, finished.Outcome);
            Assert.True(Assert.Single(finished.Checks!).Passed);
            await host.StopAsync(CancellationToken.None);
        }

        await using var restarted = new ServiceCollection().AddLabEngine(o => o.StateRoot = state.Path).BuildServiceProvider();
        var record = restarted.GetRequiredService<IRunService>().Get(runId)!;
        Assert.Equal(RunStatus.Completed, record.Summary.Status);
        Assert.Equal(100, record.EpochEvents.Count);
        Assert.Equal(2.0299, record.Summary.Results["sampleMean"], 4);
        Assert.True(File.Exists(Path.Combine(state.Path, "labdashboard.db")));
    }

    private static async Task<RunEvent> LastEvent(IAsyncEnumerable<RunEvent> events)
    {
        RunEvent? last = null;
        await foreach (var e in events.WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token)) last = e;
        return last!;
    }
}

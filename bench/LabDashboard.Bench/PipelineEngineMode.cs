using System.Text.Json;
using LabDashboard.Engine;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Bench;

/// <summary>
/// The engine alone: <c>problem.Run</c> with a silent reporter on a fresh thread (as the run
/// service runs each run on its own thread, with the thread count it would give it), no queue, no history, no storage, no watchers.
/// </summary>
internal sealed class PipelineEngineMode(LabPaths paths) : IPipelineMode
{
    private readonly ProblemCatalog _catalog = new ServiceCollection().AddExamProblems().AddSingleton<ProblemCatalog>()
        .BuildServiceProvider().GetRequiredService<ProblemCatalog>();
    private readonly DeviceInfo _device = DeviceInfo.Detect();
    private int _runs;

    public string Name => "engine alone";

    public Task<PipelineSample> RunAsync(string problemId)
    {
        var problem = _catalog.Find(problemId) ?? throw new ArgumentException($"Unknown problem '{problemId}'.");
        using var empty = JsonDocument.Parse("{}");
        var settings = SettingsBinder.Bind(problem.Descriptor.Settings, empty.RootElement.Clone());
        var reporter = new SilentReporter();
        var context = new RunContext($"bench-{++_runs}", settings, _device, paths, reporter);
        var start = CpuSample.Now();
        var thread = new Thread(() =>
        {
            using var threads = _device.UseThreadsFor(problem.Descriptor);
            problem.Run(context);
        }) { Name = $"bench {problemId}" };
        thread.Start();
        thread.Join();
        var spent = CpuSample.Now() - start;
        if (context.Checks.Any(c => !c.Passed)) throw new InvalidOperationException($"{problemId}: a check failed in the engine run.");
        return Task.FromResult(new PipelineSample(spent.Wall.TotalSeconds, (spent.User + spent.Sys).TotalSeconds, reporter.Published));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

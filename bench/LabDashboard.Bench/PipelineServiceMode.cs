using System.Text.Json;
using LabDashboard.Engine;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Bench;

/// <summary>
/// Through the run service as the web app registers it (<c>AddLabEngine</c>): queue, run thread,
/// event history, SQLite in the state root, and an in-process <c>Watch</c> read to <c>finished</c>.
/// </summary>
internal sealed class PipelineServiceMode : IPipelineMode
{
    private readonly ServiceProvider _provider;
    private readonly IRunService _runs;

    public PipelineServiceMode(string dataRoot, string stateRoot)
    {
        var services = new ServiceCollection();
        services.AddLabEngine(o =>
        {
            o.DataRoots.Add(dataRoot);
            o.StateRoot = stateRoot;
        });
        _provider = services.BuildServiceProvider();
        _runs = _provider.GetRequiredService<IRunService>();
    }

    public string Name => "run service";

    public async Task<PipelineSample> RunAsync(string problemId)
    {
        using var settings = JsonDocument.Parse("{}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var start = CpuSample.Now();
        var runId = await _runs.StartAsync(problemId, settings.RootElement.Clone());
        var events = 0;
        RunEvent? last = null;
        await foreach (var e in _runs.Watch(runId, 0, timeout.Token))
        {
            events++;
            last = e;
        }
        var spent = CpuSample.Now() - start;
        PipelineBench.EnsureCompleted(problemId, Name, last);
        return new PipelineSample(spent.Wall.TotalSeconds, (spent.User + spent.Sys).TotalSeconds, events);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Bench;

/// <summary>
/// Through the real web app (<see cref="LabDashboardApp.Build"/>, Production environment) on
/// Kestrel at a free loopback port, hosted in this process as LabDashboard.Tests' LabServer does,
/// with the .NET SignalR client: <c>StartRun</c>, then <c>Watch</c> until <c>finished</c>.
/// </summary>
internal sealed class PipelineHubMode : IPipelineMode
{
    private readonly WebApplication _app;
    private readonly HubConnection _hub;

    private PipelineHubMode(WebApplication app, HubConnection hub, Uri baseAddress)
    {
        _app = app;
        _hub = hub;
        BaseAddress = baseAddress;
    }

    public string Name => "SignalR hub";

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the app with <paramref name="contentRoot"/> (LabDashboard.Web's folder, as <c>dotnet run</c> has it) and connects.</summary>
    public static async Task<PipelineHubMode> StartAsync(string contentRoot, string dataRoot, string stateRoot)
    {
        var app = LabDashboardApp.Build(["--environment", "Production", "--contentRoot", contentRoot], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Data:Root"] = dataRoot,
                ["State:Root"] = stateRoot,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/");
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "hubs/training"))
            .AddJsonProtocol(o => LabJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await hub.StartAsync();
        return new PipelineHubMode(app, hub, address);
    }

    /// <summary>No settings: the problem's defaults.</summary>
    public static JsonElement DefaultSettings { get; } = JsonSerializer.Deserialize<JsonElement>("{}");

    public Task<PipelineSample> RunAsync(string problemId) => RunAsync(_hub, problemId, DefaultSettings, Name);

    /// <summary>One run of <paramref name="problemId"/> with <paramref name="settings"/> through <paramref name="hub"/>: <c>StartRun</c>, then <c>Watch</c> to its end.</summary>
    public static async Task<PipelineSample> RunAsync(HubConnection hub, string problemId, JsonElement settings, string mode)
    {
        var start = CpuSample.Now();
        var (_, events, _) = await StartAndWatchAsync(hub, problemId, settings, mode);
        var spent = CpuSample.Now() - start;
        return new PipelineSample(spent.Wall.TotalSeconds, (spent.User + spent.Sys).TotalSeconds, events);
    }

    /// <summary>Starts <paramref name="problemId"/> with <paramref name="settings"/> and watches it to a completed end: the run id, the events seen and the seconds <c>StartRun</c> took.</summary>
    public static async Task<(string RunId, int Events, double StartSeconds)> StartAndWatchAsync(HubConnection hub, string problemId, JsonElement settings, string mode)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var starting = System.Diagnostics.Stopwatch.StartNew();
        var runId = await hub.InvokeAsync<string>("StartRun", problemId, settings, timeout.Token);
        var startSeconds = starting.Elapsed.TotalSeconds;
        var events = 0;
        RunEvent? last = null;
        await foreach (var e in hub.StreamAsync<RunEvent>("Watch", runId, 0L, timeout.Token))
        {
            events++;
            last = e;
        }
        PipelineBench.EnsureCompleted(problemId, mode, last);
        return (runId, events, startSeconds);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

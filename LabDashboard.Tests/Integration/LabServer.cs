using LabDashboard.Engine.Runs;
using LabDashboard.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Tests.Integration;

/// <summary>
/// The real app (<see cref="LabDashboardApp.Build"/>) on Kestrel at a free loopback port, with a
/// fresh temporary <c>State:Root</c> (or a given one, to simulate a restart) and
/// <c>Data:Root</c> = the shared test data. Development environment, so static web assets
/// (CSS, the chart modules) are served from the build output as <c>dotnet run</c> serves them.
/// </summary>
public sealed class LabServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsState;

    private LabServer(WebApplication app, string stateRoot, bool ownsState)
    {
        _app = app;
        StateRoot = stateRoot;
        _ownsState = ownsState;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Root URL, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server's writable state folder.</summary>
    public string StateRoot { get; }

    /// <summary>The app's services (e.g. its hub context).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The app's run service (to arrange or inspect runs without going through HTTP).</summary>
    public IRunService Runs => _app.Services.GetRequiredService<IRunService>();

    /// <summary>Starts a server; pass <paramref name="stateRoot"/> to reuse another server's state (a restart).</summary>
    public static Task<LabServer> StartAsync(string? stateRoot = null) => StartAsync(stateRoot, new LabServerOptions());

    /// <summary>Starts a server that differs from the default as <paramref name="options"/> say.</summary>
    public static async Task<LabServer> StartAsync(string? stateRoot, LabServerOptions options)
    {
        var ownsState = stateRoot is null;
        stateRoot ??= Path.Combine(Path.GetTempPath(), "labdashboard-tests", "state-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(stateRoot);
        var app = LabDashboardApp.Build(["--environment", options.Environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Data:Root"] = TestData.Root,
                ["State:Root"] = stateRoot,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Configuration.AddInMemoryCollection(options.Settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (options.Logs is not null) builder.Logging.AddProvider(options.Logs);
            options.Services?.Invoke(builder.Services);
        });
        options.MapExtra?.Invoke(app);
        await app.StartAsync();
        return new LabServer(app, stateRoot, ownsState);
    }

    /// <summary>An HTTP client for the REST API.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A started .NET SignalR connection to <c>/hubs/training</c> (dispose it).</summary>
    public Task<HubConnection> ConnectHubAsync() => ConnectHubAsync(BaseAddress);

    /// <summary>A started .NET SignalR connection to the hub of the dashboard at <paramref name="baseAddress"/> (dispose it).</summary>
    public static async Task<HubConnection> ConnectHubAsync(Uri baseAddress)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/training"))
            .AddJsonProtocol(o => LabJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Stops the server (live runs become interrupted) and, when it made its own state folder, deletes it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsState) return;
        try { Directory.Delete(StateRoot, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>How a <see cref="LabServer"/> differs from the default (Development, no extra settings).</summary>
public sealed record LabServerOptions
{
    /// <summary>The hosting environment.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Configuration on top of the defaults, e.g. <c>AllowedHosts</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Endpoints a test adds to the built app before it starts.</summary>
    public Action<WebApplication>? MapExtra { get; init; }

    /// <summary>Receives the server's log as well.</summary>
    public ILoggerProvider? Logs { get; init; }

    /// <summary>Services a test adds before the app registers its own (e.g. an extra metrics exporter).</summary>
    public Action<IServiceCollection>? Services { get; init; }
}

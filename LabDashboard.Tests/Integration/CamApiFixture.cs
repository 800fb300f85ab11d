using LabDashboard.Tests.Engine.Problems.ResnetCam;
using LabDashboard.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration;

/// <summary>A real Kestrel on 127.0.0.1:0 built by LabDashboardApp.Build, with the trained resnet-cam model's State:Root.</summary>
public sealed class CamApiFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = default!;

    public IServiceProvider Services => _app!.Services;

    public static async Task<(WebApplication App, HttpClient Client)> StartAsync(string stateRoot)
    {
        var app = LabDashboardApp.Build([], builder =>
        {
            builder.Configuration["urls"] = "http://127.0.0.1:0";
            builder.Configuration["State:Root"] = stateRoot;
            builder.Configuration["Data:Root"] = TestData.Root;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(3) });
    }

    public async Task InitializeAsync()
    {
        _ = TrainedHeadOnlyModel.Run;
        (_app, Client) = await StartAsync(ResnetCamTestEnvironment.Paths.StateRoot);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}

using LabDashboard.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>Two web fronts (real Kestrel, loopback) with the same <c>ConnectionStrings:Redis</c> and <c>Cluster:Name</c>: the SignalR Redis backplane.</summary>
public sealed class SignalRBackplaneTests
{
    [SkippableFact]
    public async Task A_message_sent_to_all_hub_clients_on_one_web_front_reaches_a_client_of_the_other()
    {
        var redis = TestServices.Require(TestServices.RedisVariable, "Redis");
        var shared = new LabServerOptions
        {
            Settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis, ["Cluster:Name"] = "test-" + Guid.NewGuid().ToString("N")[..12] },
        };
        await using var frontA = await LabServer.StartAsync(null, shared);
        await using var frontB = await LabServer.StartAsync(null, shared);
        await using var clientOfB = await frontB.ConnectHubAsync();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = clientOfB.On<string>("probe", message => received.TrySetResult(message));

        // The subscription to the backplane's channel is made when B's client connects; give Redis a moment to confirm it.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await frontA.Services.GetRequiredService<IHubContext<TrainingHub>>().Clients.All.SendAsync("probe", "from A");

        Assert.Equal("from A", await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration;

public class QuotaApiTests
{
    [Fact]
    public async Task A_user_at_a_quota_gets_a_429_naming_it_from_POST_and_a_hub_error_from_StartRun()
    {
        await using var server = await LabServer.StartAsync(null, new LabServerOptions
        {
            Settings = new Dictionary<string, string?> { ["Quotas:LimitLocal"] = "true", ["Quotas:MaxQueuedRunsPerUser"] = "1", ["Quotas:MaxEpochBudgetPerUser"] = "1000000" },
        });
        using var http = server.CreateClient();
        var first = await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 100000 } });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var runId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;

        var refused = await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 10 } });
        await using var hub = await server.ConnectHubAsync();
        var hubError = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("StartRun", "exp-mle", JsonDocument.Parse("{}").RootElement.Clone()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Quotas:MaxQueuedRunsPerUser", problem.GetProperty("limit").GetString());
        Assert.Contains("queued, running or paused", problem.GetProperty("detail").GetString());
        Assert.Contains("queued, running or paused", hubError.Message);
        Assert.True(await server.Runs.CancelAsync(runId));
    }
}

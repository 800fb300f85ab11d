using System.Net;

namespace LabDashboard.Tests.Integration.Cluster;

/// <summary><c>/healthz</c> of the single-process app (<c>Cluster:Mode=none</c>), with and without the classroom sign-in gate.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_answers_healthy_on_loopback()
    {
        await using var server = await LabServer.StartAsync();
        using var http = server.CreateClient();

        var response = await http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_needs_no_account_in_classroom_mode_where_the_api_does()
    {
        await using var server = await LabServer.StartAsync(null, new LabServerOptions
        {
            Settings = new Dictionary<string, string?> { ["Classroom:Enabled"] = "true", ["Classroom:JoinCode"] = "owl-42" },
        });
        using var anonymous = server.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/runs")).StatusCode);
        var response = await anonymous.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

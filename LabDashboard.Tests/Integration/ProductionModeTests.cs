using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Tests.Integration;

/// <summary>Issue 14: the README's run command runs in Production, where errors are logged and answered without stack traces.</summary>
public class ProductionModeTests
{
    private const string Secret = "secret detail of the failure";

    [Fact]
    public void The_run_command_does_not_force_Development()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RepoRoot, "LabDashboard.Web", "Properties", "launchSettings.json")));

        foreach (var profile in settings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            if (!profile.Value.TryGetProperty("environmentVariables", out var variables)) continue;
            foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
                Assert.False(variables.TryGetProperty(name, out var value) && value.GetString() == "Development", $"profile {profile.Name} sets {name}=Development");
        }
    }

    [Fact]
    public async Task An_unhandled_exception_is_logged_and_answered_with_a_500_problem_without_its_details()
    {
        var logs = new CollectedLogs();
        await using var server = await LabServer.StartAsync(null, new LabServerOptions
        {
            Environment = "Production",
            Logs = logs,
            MapExtra = app => app.MapGet("/test/fails", string () => throw new InvalidOperationException(Secret)),
        });
        using var http = server.CreateClient();

        using var response = await http.GetAsync("test/fails");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
        Assert.DoesNotContain(".cs", body);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == Secret);
    }

    [Theory]
    [InlineData("_framework/blazor.web.js")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("lib/labdashboard/live-chart.js")]
    public async Task Production_serves_the_framework_and_library_files_from_a_build(string path)
    {
        await using var server = await LabServer.StartAsync(null, new LabServerOptions { Environment = "Production" });
        using var http = server.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

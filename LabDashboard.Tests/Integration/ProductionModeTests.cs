using System.Net;
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
    public async Task The_readme_run_command_runs_in_Production_and_serves_the_framework_and_library_files()
    {
        var stateRoot = Directory.CreateTempSubdirectory("labdashboard-run-command-").FullName;
        try
        {
            using var child = await DashboardProcess.StartRunCommandAsync(stateRoot);
            using var http = new HttpClient { BaseAddress = child.BaseAddress };

            foreach (var path in new[] { "_framework/blazor.web.js", "_content/MudBlazor/MudBlazor.min.css", "lib/labdashboard/live-chart.js" })
                Assert.True((await http.GetAsync(path)).IsSuccessStatusCode, $"{path} is not served");
            Assert.Contains(child.Output, line => line.Contains("Hosting environment: Production"));
        }
        finally
        {
            Directory.Delete(stateRoot, recursive: true);
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
}

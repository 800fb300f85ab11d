using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Integration;

[Collection(LabServerCollection.Name)]
public class RestApiTests(LabServerFixture fixture)
{
    private LabServer Server => fixture.Server;

    [Fact]
    public async Task Problems_lists_ids_titles_settings_schemas_metric_names_and_preferred_devices()
    {
        using var http = Server.CreateClient();

        var problems = await http.GetFromJsonAsync<JsonElement>("api/problems");

        var expMle = problems.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "exp-mle");
        Assert.False(string.IsNullOrEmpty(expMle.GetProperty("title").GetString()));
        var settings = expMle.GetProperty("settings").EnumerateArray().ToList();
        var lr = settings.Single(s => s.GetProperty("name").GetString() == "lr");
        Assert.Equal("double", lr.GetProperty("kind").GetString());
        Assert.Equal(0.05, lr.GetProperty("default").GetDouble());
        Assert.Contains(expMle.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("name").GetString() == "lambda");
        Assert.Equal("cpu", expMle.GetProperty("preferredDevice").GetString());
        Assert.Equal("cuda", problems.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "resnet-cam").GetProperty("preferredDevice").GetString());
    }

    [Fact]
    public async Task A_finished_run_is_listed_detailed_exported_as_csv_and_deleted()
    {
        using var http = Server.CreateClient();
        var runId = await StartAndFinishAsync(http, """{"steps": 200, "reportEvery": 10}""");

        var list = await http.GetFromJsonAsync<JsonElement>("api/runs?problemId=exp-mle");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("runId").GetString() == runId);

        var run = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
        Assert.Equal("completed", run.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(200, run.GetProperty("settings").GetProperty("steps").GetInt32());
        Assert.Equal(20, run.GetProperty("epochEvents").GetArrayLength());
        Assert.False(run.GetProperty("more").GetBoolean());
        Assert.True(run.GetProperty("versions").TryGetProperty("torchSharp", out _));

        var csv = await http.GetStringAsync($"api/runs/{runId}/metrics.csv");
        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal("epoch,step,elapsedMs,lambda,loss", lines[0].TrimEnd('\r'));
        Assert.Equal(21, lines.Length);
        Assert.StartsWith("20,200,", lines[^1]);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"api/runs/{runId}")).StatusCode);
    }

    [Fact]
    public async Task The_run_list_comes_in_pages_linked_by_a_next_cursor()
    {
        using var http = Server.CreateClient();
        for (var i = 0; i < 3; i++) await StartAndFinishAsync(http, """{"steps": 20, "reportEvery": 10}""");
        var all = (await http.GetFromJsonAsync<JsonElement>("api/runs?problemId=exp-mle")).EnumerateArray().Select(r => r.GetProperty("runId").GetString()).ToList();

        var paged = new List<string?>();
        var url = "api/runs?problemId=exp-mle&limit=2";
        while (url is not null)
        {
            var page = await http.GetAsync(url);
            page.EnsureSuccessStatusCode();
            paged.AddRange((await page.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("runId").GetString()));
            url = page.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<').TrimStart('/') : null;
        }

        Assert.True(all.Count >= 3);
        Assert.Equal(all, paged);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("api/runs?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("api/runs?limit=100000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("api/runs?cursor=banana")).StatusCode);
    }

    [Fact]
    public async Task Bad_settings_get_a_400_problem_naming_them()
    {
        using var http = Server.CreateClient();

        var response = await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { lr = -1, stepz = 3 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("'lr'", body);
        Assert.Contains("'stepz'", body);
    }

    [Fact]
    public async Task Gan_settings_that_would_store_more_images_than_a_run_may_keep_get_a_400_naming_gridEvery()
    {
        using var http = Server.CreateClient();

        var response = await http.PostAsJsonAsync("api/runs", new { problemId = "gan-mnist8", settings = new { epochs = 20000, gridEvery = 1, gridSize = 100 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("'gridEvery'", body);
        Assert.Contains("Runs:MaxImagesPerRun", body);
    }

    [Theory]
    [InlineData("api/runs/no-such-run")]
    [InlineData("api/runs/no-such-run/metrics.csv")]
    [InlineData("api/runs/no-such-run/images/sample/1")]
    [InlineData("api/problems/no-such-problem")]
    public async Task Unknown_ids_get_a_404_problem(string path)
    {
        using var http = Server.CreateClient();

        var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_live_run_cannot_be_deleted()
    {
        using var http = Server.CreateClient();
        var start = await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 100000 } });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;

        var response = await http.DeleteAsync($"api/runs/{runId}");

        await Server.Runs.CancelAsync(runId);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task The_chart_module_and_its_libraries_are_served()
    {
        using var http = Server.CreateClient();

        foreach (var path in new[] { "lib/labdashboard/live-chart.js", "lib/apexcharts/apexcharts.esm.js", "lib/signalr/signalr.min.js", "app.css" })
        {
            var response = await http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        }
    }

    private async Task<string> StartAndFinishAsync(HttpClient http, string settings)
    {
        var runId = await RunsRest.StartAsync(http, "exp-mle", settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var _ in Server.Runs.Watch(runId, 0, timeout.Token)) { }
        return runId;
    }
}

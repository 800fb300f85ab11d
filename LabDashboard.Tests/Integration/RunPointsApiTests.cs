using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LabDashboard.Tests.Integration;

[Collection(LabServerCollection.Name)]
public class RunPointsApiTests(LabServerFixture fixture)
{
    [Fact]
    public async Task Points_come_one_page_at_a_time_with_the_total()
    {
        using var http = fixture.Server.CreateClient();
        var start = await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 300, reportEvery = 1 } });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        await WaitFinishedAsync(runId);

        var page = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/points?metric=lambda&offset=250&limit=40");

        Assert.Equal(300, page.GetProperty("total").GetInt32());
        Assert.Equal(250, page.GetProperty("offset").GetInt32());
        Assert.Equal(["lambda"], page.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        var rows = page.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(40, rows.Count);
        Assert.Equal(251, rows[0].GetProperty("step").GetInt64());
        Assert.Equal(290, rows[^1].GetProperty("step").GetInt64());
        Assert.True(rows[0].GetProperty("values")[0].GetDouble() > 0);

        var all = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/points");
        Assert.Equal(["lambda", "loss"], all.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(50, all.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_run_gets_a_404_problem()
    {
        using var http = fixture.Server.CreateClient();

        var response = await http.GetAsync("api/runs/no-such-run/points");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task WaitFinishedAsync(string runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var _ in fixture.Server.Runs.Watch(runId, 0, null, timeout.Token)) { }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Integration;

[Collection(LabServerCollection.Name)]
public class RunEventPagesApiTests(LabServerFixture fixture)
{
    private LabServer Server => fixture.Server;

    [Fact]
    public async Task A_runs_events_come_in_pages_linked_by_afterSeq_each_with_the_summary()
    {
        using var http = Server.CreateClient();
        var start = await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 200, reportEvery = 10 } });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var watched = new List<long>();
        await foreach (var e in Server.Runs.Watch(runId, 0, timeout.Token)) watched.Add(e.Seq);

        var paged = new List<long>();
        var pages = 0;
        string? url = $"api/runs/{runId}?limit=7";
        while (url is not null)
        {
            var response = await http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("completed", page.GetProperty("summary").GetProperty("status").GetString());
            var seqs = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
            Assert.InRange(seqs.Count, 1, 7);
            paged.AddRange(seqs);
            pages++;
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<').TrimStart('/') : null;
            Assert.Equal(url is not null, page.GetProperty("more").GetBoolean());
        }

        Assert.True(watched.Count > 20, $"{watched.Count} events");
        Assert.Equal(watched, paged);
        Assert.Equal((watched.Count + 6) / 7, pages);
        var tail = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}?afterSeq={watched[^3]}");
        Assert.Equal(watched[^2..], tail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
    }

    /// <summary>Issue 14: the whole record of a long run cost every caller a read and a serialisation of all its events.</summary>
    [Fact]
    public async Task A_run_asked_for_without_a_page_holds_its_first_1000_epoch_events_and_links_the_events_after_them()
    {
        using var http = Server.CreateClient();
        var start = await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 1100, reportEvery = 1 } });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var epochs = new List<long>();
        await foreach (var e in Server.Runs.Watch(runId, 0, timeout.Token))
            if (e.Kind == RunEventKinds.Epoch) epochs.Add(e.Seq);

        var response = await http.GetAsync($"api/runs/{runId}");
        response.EnsureSuccessStatusCode();
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        var first = run.GetProperty("epochEvents").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(1100, epochs.Count);
        Assert.Equal(epochs[..RunsApiPage], first);
        Assert.True(run.GetProperty("more").GetBoolean());
        Assert.Equal(1100, run.GetProperty("settings").GetProperty("steps").GetInt32());
        Assert.Equal("completed", run.GetProperty("summary").GetProperty("status").GetString());

        var rest = new List<long>();
        var next = response.Headers.GetValues("Link").Single();
        Assert.Equal($"</api/runs/{runId}?afterSeq={first[^1]}&limit={RunsApiPage}>; rel=\"next\"", next);
        for (string? url = next.Split('>')[0].TrimStart('<', '/'); url is not null;)
        {
            using var page = await http.GetAsync(url);
            var events = (await page.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").EnumerateArray();
            rest.AddRange(events.Where(e => e.GetProperty("kind").GetString() == RunEventKinds.Epoch).Select(e => e.GetProperty("seq").GetInt64()));
            url = page.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<', '/') : null;
        }
        Assert.Equal(epochs[RunsApiPage..], rest);
    }

    private const int RunsApiPage = LabDashboard.Web.Api.RunsApi.DefaultEventPageSize;

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("afterSeq=-1", "afterSeq")]
    public async Task A_bad_page_request_gets_a_400_naming_the_parameter(string query, string parameter)
    {
        using var http = Server.CreateClient();
        var runId = Server.Runs.List(new RunQuery(Limit: 1)).FirstOrDefault()?.RunId ?? "no-such-run";

        var response = await http.GetAsync($"api/runs/{runId}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task An_unknown_run_has_no_event_pages()
    {
        using var http = Server.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/runs/no-such-run?afterSeq=0")).StatusCode);
    }
}

using LabDashboard.Engine.Runs;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LabDashboard.Tests.Integration;

/// <summary><c>PATCH /api/runs/{id}</c>: name, notes and tags, validated, and read back by the list and the detail.</summary>
[Collection(LabServerCollection.Name)]
public class RunLabelApiTests(LabServerFixture fixture)
{
    private LabServer Server => fixture.Server;

    [Fact]
    public async Task A_patched_label_is_returned_listed_and_detailed_and_a_later_patch_keeps_what_it_leaves_out()
    {
        using var http = Server.CreateClient();
        var runId = await StartAndFinishAsync(http);
        // Read once before: the finished run's detail is kept for the next readers until something changes it.
        var before = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
        Assert.NotEqual("lr 0.1", before.GetProperty("summary").GetProperty("label").GetProperty("name").GetString());

        var patched = await PatchAsync(http, runId, """{"name": " lr 0.1 ", "notes": "faster", "tags": ["sweep", "Sweep", "cpu"]}""");
        var second = await PatchAsync(http, runId, """{"tags": ["sweep"]}""");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var label = (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("label");
        Assert.Equal("lr 0.1", label.GetProperty("name").GetString());
        Assert.Equal(["sweep", "cpu"], label.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var listed = (await http.GetFromJsonAsync<JsonElement>("api/runs?problemId=exp-mle")).EnumerateArray()
            .Single(r => r.GetProperty("runId").GetString() == runId);
        Assert.Equal(("lr 0.1", "faster"), (listed.GetProperty("label").GetProperty("name").GetString(), listed.GetProperty("label").GetProperty("notes").GetString()));
        Assert.Equal(["sweep"], listed.GetProperty("label").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(20, listed.GetProperty("settings").GetProperty("steps").GetInt32());
        var detail = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
        Assert.Equal("lr 0.1", detail.GetProperty("summary").GetProperty("label").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"name": "a name far too long: 101 characters ................................................................."}""", "name")]
    [InlineData("""{"tags": ["a,b"]}""", "tags")]
    [InlineData("""{"name": "line\nbreak"}""", "name")]
    public async Task A_bad_label_is_a_400_problem_naming_the_field_and_changes_nothing(string body, string field)
    {
        using var http = Server.CreateClient();
        var runId = await StartAndFinishAsync(http);

        var response = await PatchAsync(http, runId, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal("", Server.Runs.Summary(runId)!.Label.Name);
    }

    [Fact]
    public async Task An_unknown_run_is_a_404_problem_and_a_body_that_is_not_an_object_a_400()
    {
        using var http = Server.CreateClient();
        var runId = await StartAndFinishAsync(http);

        var unknown = await PatchAsync(http, "0123456789ab", """{"name": "x"}""");
        var notObject = await PatchAsync(http, runId, "[1, 2]");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, notObject.StatusCode);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient http, string runId, string json) =>
        http.PatchAsync($"api/runs/{runId}", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<string> StartAndFinishAsync(HttpClient http)
    {
        var start = await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 20, reportEvery = 10 } });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var _ in Server.Runs.Watch(runId, 0, timeout.Token)) { }
        return runId;
    }
}

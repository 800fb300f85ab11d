using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>
/// What a worker of a lab cluster writes beside the history (images, models) is served by a web front
/// with a State:Root of its own, through PostgreSQL; deleting the run there deletes them; the list says
/// which worker ran each run; a cancelled run restarts from the web front on a worker.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterArtifactTests
{
    [SkippableFact]
    public async Task A_web_front_serves_a_workers_images_lists_its_worker_restarts_a_cancelled_run_and_deletes_the_images_with_the_run()
    {
        await using var cluster = await KestrelLabCluster.StartAsync();
        var web = cluster.Web;
        using var http = web.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        var runId = await StartAsync(http, "conv-einsum", "{}");
        await foreach (var _ in web.Runs.Watch(runId, 0, timeout.Token)) { }

        var image = await http.GetAsync($"api/runs/{runId}/images/input/0");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await image.Content.ReadAsByteArrayAsync())[..4]);
        Assert.False(Directory.Exists(Path.Combine(web.StateRoot, "runs")));
        var listed = (await http.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray().Single(r => r.GetProperty("runId").GetString() == runId);
        Assert.Equal("w1", listed.GetProperty("worker").GetString());

        var cancelled = await StartAsync(http, "exp-mle", """{"steps": 100000, "reportEvery": 100, "seed": 3}""");
        Assert.True(await web.Runs.CancelAsync(cancelled));
        await foreach (var _ in web.Runs.Watch(cancelled, 0, timeout.Token)) { }
        var restarted = await http.PostAsync($"api/runs/{cancelled}/restart", null);
        Assert.Equal(HttpStatusCode.Created, restarted.StatusCode);
        var copy = (await restarted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        var copyRecord = web.Runs.Get(copy)!;
        Assert.Equal(("w1", 100000), (copyRecord.Worker, (int)copyRecord.Settings["steps"]));
        Assert.True(await web.Runs.CancelAsync(copy));
        await foreach (var _ in web.Runs.Watch(copy, 0, timeout.Token)) { }

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/runs/{runId}")).StatusCode);
        Assert.Empty(web.Services.GetRequiredService<IRunArtifactStore>().List(RunImagesFolder(runId)));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"api/runs/{runId}/images/input/0")).StatusCode);
    }

    private static string RunImagesFolder(string runId) => ArtifactPaths.Join("runs", runId);

    private static async Task<string> StartAsync(HttpClient http, string problemId, string settings)
    {
        var start = await http.PostAsJsonAsync("api/runs", new { problemId, settings = JsonDocument.Parse(settings).RootElement });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        return (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
    }
}

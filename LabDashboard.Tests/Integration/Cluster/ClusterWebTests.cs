using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>
/// The web app (<see cref="LabServer"/>, real Kestrel) in the roles of a lab cluster, configured only
/// by settings, through the test PostgreSQL and Redis: a worker that serves only <c>/healthz</c> and
/// a web front that hosts no runs.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterWebTests
{
    [SkippableFact]
    public async Task A_web_front_starts_a_run_that_the_worker_runs_follows_its_statuses_and_each_role_answers_healthz()
    {
        await using var cluster = await KestrelLabCluster.StartAsync();
        var (worker, web) = (cluster.Worker, cluster.Web);
        using var workerHttp = worker.CreateClient();
        using var webHttp = web.CreateClient();

        Assert.Equal("Healthy", await workerHttp.GetStringAsync("healthz"));
        Assert.Equal("Healthy", await webHttp.GetStringAsync("healthz"));
        Assert.Equal(HttpStatusCode.NotFound, (await workerHttp.GetAsync("api/problems")).StatusCode);
        Assert.Null(web.Services.GetService<RunService>());
        Assert.IsType<ClusterRunService>(web.Runs);
        // The header's badge names where runs train (the worker), not the web front's own CPU.
        var home = await webHttp.GetStringAsync("/");
        Assert.Contains("data-workers=\"1\"", home);
        Assert.Contains("workers: w1.", home);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var statuses = new List<RunEvent>();
        var feed = await StatusesUntilFinished(web.Runs, statuses, timeout.Token);
        var start = await webHttp.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = JsonDocument.Parse("""{"steps": 200}""").RootElement });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        await foreach (var _ in web.Runs.Watch(runId, 0, timeout.Token)) { }
        await feed;

        Assert.Equal([RunEventKinds.Queued, RunEventKinds.Started, RunEventKinds.Finished], statuses.Where(e => e.RunId == runId).Select(e => e.Kind));

        var run = await webHttp.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
        Assert.Equal("completed", run.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal("w1", run.GetProperty("worker").GetString());
    }

    /// <summary>Subscribes to the status feed (returns once subscribed) and collects until the first <c>finished</c>.</summary>
    private static async Task<Task> StatusesUntilFinished(IRunService runs, List<RunEvent> statuses, CancellationToken cancellationToken)
    {
        var feed = runs.WatchStatuses(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var listening = feed.MoveNextAsync();
        // LISTEN is issued on the first MoveNext; a short wait lets it reach the server before the run is started.
        await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        return Collect();

        async Task Collect()
        {
            await using var _ = feed;
            while (await listening)
            {
                statuses.Add(feed.Current);
                if (feed.Current.Kind == RunEventKinds.Finished) return;
                listening = feed.MoveNextAsync();
            }
        }
    }
}

using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Tests.E2E;

/// <summary>
/// Issue 14: a page served from another origin (a second Kestrel on another loopback port) tries what
/// an attacker's page would — the hub over a raw WebSocket (StartRun, CancelRun of a live run) and a
/// CSV upload — and achieves nothing; the same script on the dashboard's own page does all of it.
/// </summary>
[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class CrossOriginPageTests(LabBrowserFixture browser)
{
    // Speaks the SignalR JSON protocol by hand (skipNegotiation), as a hostile page would, then posts a unique iris CSV.
    private const string Script = """
        window.attack = async (appBase, victim) => {
          const report = { opened: false, results: [], upload: null };
          await new Promise(resolve => {
            const calls = [["StartRun", "exp-mle", { steps: 20, reportEvery: 10 }], ["CancelRun", victim]];
            const ws = new WebSocket(appBase.replace(/^http/, "ws") + "hubs/training");
            ws.onopen = () => { report.opened = true; ws.send(JSON.stringify({ protocol: "json", version: 1 }) + "\u001e"); };
            ws.onmessage = e => {
              for (const frame of e.data.split("\u001e").filter(f => f.length > 0)) {
                const message = JSON.parse(frame);
                if (message.type === undefined)
                  calls.forEach((c, i) => ws.send(JSON.stringify({ type: 1, invocationId: String(i), target: c[0], arguments: c.slice(1) }) + "\u001e"));
                else if (message.type === 3) {
                  report.results.push(message.error ?? message.result);
                  if (report.results.length === calls.length) ws.close();
                }
              }
            };
            ws.onclose = () => resolve();
            setTimeout(resolve, 20000);
          });
          const csv = "SepalLength,SepalWidth,PetalLength,PetalWidth,Species\n5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n" + "\n".repeat(1 + Math.floor(Math.random() * 100000));
          const form = new FormData();
          form.append("file", new Blob([csv], { type: "text/csv" }), "iris.csv");
          try {
            const response = await fetch(appBase + "api/datasets/iris/uploads", { method: "POST", body: form, mode: "no-cors" });
            report.upload = response.type === "opaque" ? "opaque" : String(response.status);
          } catch (e) { report.upload = "failed: " + e; }
          return report;
        };
        """;

    [Fact]
    public async Task A_page_from_another_origin_cannot_start_or_cancel_runs_or_upload_but_the_dashboards_own_page_can()
    {
        var server = browser.Server;
        var appBase = server.BaseAddress.ToString();
        var victim = await server.Runs.StartAsync("exp-mle", JsonDocument.Parse("""{"steps": 100000, "reportEvery": 100}""").RootElement);
        await using var foreignSite = await ForeignSiteAsync();
        try
        {
            var runsBefore = server.Runs.List().Count;
            var uploadsBefore = Uploads(server);

            var context = await browser.Browser.NewContextAsync();
            var foreignPage = await context.NewPageAsync();
            await foreignPage.GotoAsync(foreignSite.Url);
            var foreign = await foreignPage.EvaluateAsync<JsonElement>("([a, v]) => attack(a, v)", new object[] { appBase, victim });
            await context.CloseAsync();

            Assert.False(foreign.GetProperty("opened").GetBoolean(), foreign.ToString());
            Assert.Equal(0, foreign.GetProperty("results").GetArrayLength());
            Assert.Equal(runsBefore, server.Runs.List().Count);
            Assert.Contains(server.Runs.Get(victim)!.Summary.Status, new[] { RunStatus.Queued, RunStatus.Running });
            Assert.Equal(uploadsBefore, Uploads(server));

            var ownPage = await browser.OpenAsync("/");
            await ownPage.AddScriptTagAsync(new() { Content = Script });
            var own = await ownPage.EvaluateAsync<JsonElement>("([a, v]) => attack(a, v)", new object[] { appBase, victim });
            await ownPage.Context.CloseAsync();

            Assert.True(own.GetProperty("opened").GetBoolean(), own.ToString());
            var started = own.GetProperty("results")[0].GetString()!;
            Assert.NotNull(server.Runs.Get(started));
            Assert.True(own.GetProperty("results")[1].GetBoolean(), own.ToString());
            Assert.Equal(uploadsBefore + 1, Uploads(server));
            await server.Runs.CancelAsync(started);
        }
        finally
        {
            await server.Runs.CancelAsync(victim);
        }
    }

    private static int Uploads(Integration.LabServer server)
    {
        var folder = Path.Combine(server.StateRoot, "iris", "uploads");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    /// <summary>A second Kestrel on another loopback port serving one page that carries the script.</summary>
    private static async Task<ForeignSite> ForeignSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content($"<!doctype html><html><body><p>Another site</p><script>{Script}</script></body></html>", "text/html"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ForeignSite(app, address + "/");
    }

    private sealed record ForeignSite(WebApplication App, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}

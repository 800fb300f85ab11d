using System.Diagnostics;
using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration;

/// <summary>The dashboard as its own process, killed with SIGKILL mid-run, then started again on the same state.</summary>
public class KilledProcessTests
{
    [Fact]
    public async Task A_run_live_when_the_process_was_killed_shows_as_interrupted_and_finished_runs_survive()
    {
        var stateRoot = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "labdashboard-tests", "killed-" + Guid.NewGuid().ToString("N"))).FullName;
        string finished, live;
        try
        {
            using (var child = await DashboardProcess.StartAsync(stateRoot))
            {
                await using var hub = await child.ConnectHubAsync();
                finished = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100}"""));
                await hub.WatchToEndAsync(finished);
                live = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100000, "reportEvery": 100}"""));
                await hub.WatchUntilAsync(live, 0, e => e.Kind == RunEventKinds.Epoch);
                child.Kill();
            }

            await using var second = await LabServer.StartAsync(stateRoot);
            Assert.Equal(RunStatus.Completed, second.Runs.Get(finished)?.Summary.Status);
            Assert.Equal(10, second.Runs.Get(finished)!.EpochEvents.Count);
            Assert.Equal(RunStatus.Interrupted, second.Runs.Get(live)?.Summary.Status);
        }
        finally
        {
            Directory.Delete(stateRoot, recursive: true);
        }
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary><c>dotnet LabDashboard.Web.dll</c> from the test output folder, on a free loopback port.</summary>
    private sealed class DashboardProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Uri _baseAddress;

        private DashboardProcess(Process process, Uri baseAddress) => (_process, _baseAddress) = (process, baseAddress);

        public static async Task<DashboardProcess> StartAsync(string stateRoot)
        {
            var port = Engine.Data.LocalMirror.FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "LabDashboard.Web.dll"), "--urls", $"http://127.0.0.1:{port}",
                         "--Data:Root", TestData.Root, "--State:Root", stateRoot, "--Logging:LogLevel:Default", "Warning" })
                start.ArgumentList.Add(arg);
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var child = new DashboardProcess(process, new Uri($"http://127.0.0.1:{port}/"));
            await child.WaitUntilServingAsync();
            return child;
        }

        private async Task WaitUntilServingAsync()
        {
            using var http = new HttpClient { BaseAddress = _baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited) throw new InvalidOperationException($"The dashboard exited with code {_process.ExitCode} before serving.");
                try
                {
                    if ((await http.GetAsync("api/problems")).IsSuccessStatusCode) return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                await Task.Delay(250);
            }
            throw new TimeoutException($"The dashboard did not answer on {_baseAddress} within 90 s.");
        }

        public Task<HubConnection> ConnectHubAsync() => LabServer.ConnectHubAsync(_baseAddress);

        /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(30_000);
        }

        public void Dispose()
        {
            if (!_process.HasExited) Kill();
            _process.Dispose();
        }
    }
}

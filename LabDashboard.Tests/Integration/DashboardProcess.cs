using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration;

/// <summary>The dashboard as its own process on a loopback port, ready once <c>GET /healthz</c> answers 200 (every role serves it).</summary>
public sealed class DashboardProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private DashboardProcess(Process process, Uri baseAddress, ConcurrentQueue<string> output) =>
        (_process, BaseAddress, _output) = (process, baseAddress, output);

    /// <summary>Where it listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What it wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => _output.ToList();

    /// <summary><c>dotnet LabDashboard.Web.dll</c> from the test output folder, logging warnings only.</summary>
    public static Task<DashboardProcess> StartAsync(string stateRoot) =>
        StartAsync(AppContext.BaseDirectory,
            [Path.Combine(AppContext.BaseDirectory, "LabDashboard.Web.dll"), "--urls", null, "--Data:Root", TestData.Root,
             "--State:Root", stateRoot, "--Logging:LogLevel:Default", "Warning"]);

    /// <summary>
    /// <c>dotnet LabDashboard.Web.dll</c> with <paramref name="arguments"/> (which name <paramref name="baseAddress"/>
    /// in <c>--urls</c>) and <paramref name="environment"/> added, run in the test output folder as the README
    /// runs it in the published folder.
    /// </summary>
    public static Task<DashboardProcess> StartAppAsync(Uri baseAddress, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> environment) =>
        StartAsync(AppContext.BaseDirectory, ["LabDashboard.Web.dll", .. arguments], baseAddress, environment);

    /// <summary>
    /// The README's run command, <c>dotnet run --project LabDashboard.Web</c> (launch profile included; built
    /// already, in the tests' configuration), with no environment name inherited from the test run.
    /// </summary>
    public static Task<DashboardProcess> StartRunCommandAsync(string stateRoot)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return StartAsync(TestData.RepoRoot,
            ["run", "--no-build", "-c", configuration, "--project", "LabDashboard.Web", "--", "--urls", null,
             "--Data:Root", TestData.Root, "--State:Root", stateRoot]);
    }

    /// <summary>Starts dotnet with <paramref name="arguments"/> on a free port; the null argument becomes the URL.</summary>
    private static Task<DashboardProcess> StartAsync(string workingDirectory, string?[] arguments) =>
        StartAsync(workingDirectory, arguments, new Uri($"http://127.0.0.1:{TestPorts.Free()}/"), []);

    private static async Task<DashboardProcess> StartAsync(string workingDirectory, string?[] arguments, Uri baseAddress,
        IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" }) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        foreach (var arg in arguments) start.ArgumentList.Add(arg ?? baseAddress.GetLeftPart(UriPartial.Authority));
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new DashboardProcess(process, baseAddress, output);
        try
        {
            await child.WaitUntilServingAsync();
        }
        catch
        {
            child.Dispose();
            throw;
        }
        return child;
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The dashboard exited with code {_process.ExitCode} before serving: {string.Join('\n', _output)}");
            try
            {
                if ((await http.GetAsync("healthz")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The dashboard did not answer on {BaseAddress} within 90 s.");
    }

    public Task<HubConnection> ConnectHubAsync() => LabServer.ConnectHubAsync(BaseAddress);

    /// <summary>The process id (for a test's log).</summary>
    public int Id => _process.Id;

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

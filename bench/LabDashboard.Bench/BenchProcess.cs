using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LabDashboard.Web;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Bench;

/// <summary>
/// <c>dotnet LabDashboard.Web.dll</c>, run in the benchmark's output folder as README "Run a lab cluster"
/// runs it in the published folder, as its own process on a free loopback port; ready once <c>/healthz</c>
/// answers 200 (every role serves it). Disposing kills it.
/// </summary>
internal sealed class BenchProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BenchProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The process's CPU time so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary><paramref name="count"/> different free loopback TCP ports (all held open while chosen, so none is handed out twice).</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }

    /// <summary>Starts the app with <paramref name="arguments"/> (<c>--urls</c> is added: <paramref name="httpPort"/> on loopback) and <paramref name="environment"/>.</summary>
    public static async Task<BenchProcess> StartAsync(int httpPort, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["LabDashboard.Web.dll", .. arguments, $"--urls=http://127.0.0.1:{httpPort}"]) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var child = new BenchProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), new Uri($"http://127.0.0.1:{httpPort}/"));
        child._process.OutputDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue(e.Data); };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue(e.Data); };
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        try
        {
            await child.WaitUntilHealthyAsync();
        }
        catch
        {
            child.Dispose();
            throw;
        }
        return child;
    }

    /// <summary>A started .NET SignalR connection to its hub (dispose it).</summary>
    public async Task<HubConnection> ConnectHubAsync()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "hubs/training"))
            .AddJsonProtocol(o => LabJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited) throw new InvalidOperationException($"dotnet LabDashboard.Web.dll exited with code {_process.ExitCode}:\n{string.Join('\n', _output)}");
            try
            {
                if ((await http.GetAsync("healthz")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{BaseAddress}healthz did not answer 200 within 120 s:\n{string.Join('\n', _output)}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(30_000);
        }
        _process.Dispose();
    }
}

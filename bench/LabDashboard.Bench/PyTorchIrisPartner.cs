using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LabDashboard.Bench;

/// <summary>
/// bench/fashion_reference.py kept running with <c>--serve-iris</c>: each request times one PyTorch iris run
/// (same model, initial weights, split and thread count), so engine and PyTorch runs can alternate and meet
/// the same moments of a noisy machine. Needs Debian's python3-torch as <c>/usr/bin/python3</c>.
/// </summary>
internal sealed class PyTorchIrisPartner : IDisposable
{
    private readonly Process _python;

    public PyTorchIrisPartner(BenchArguments options, int threads)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(options.RepoRoot, "bench", "fashion_reference.py"), "--serve-iris",
                     "--data", options.DataRoot, "--out", options.OutFolder, "--threads", threads.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        _python = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 did not start.");
        Version = ReadLine();
    }

    /// <summary>What the script says first: PyTorch's version and thread count.</summary>
    public string Version { get; }

    /// <summary>Times one PyTorch run: seconds, last loss, test accuracy.</summary>
    public (double Seconds, double Loss, double TestAcc) Run()
    {
        _python.StandardInput.WriteLine("run");
        _python.StandardInput.Flush();
        using var result = JsonDocument.Parse(ReadLine());
        var root = result.RootElement;
        return (root.GetProperty("seconds").GetDouble(), root.GetProperty("loss").GetDouble(), root.GetProperty("testAcc").GetDouble());
    }

    private string ReadLine() => _python.StandardOutput.ReadLine()
        ?? throw new InvalidOperationException("bench/fashion_reference.py --serve-iris stopped (is Debian's python3-torch installed?).");

    public void Dispose()
    {
        if (!_python.HasExited)
        {
            _python.StandardInput.Close();
            if (!_python.WaitForExit(5000)) _python.Kill();
        }
        _python.Dispose();
    }
}

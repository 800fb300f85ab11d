using System.Diagnostics;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Bench;

/// <summary>Records, per GAN epoch, RSS and CPU time; times the classifier's training from its progress events; prints grid epochs.</summary>
internal sealed class GanBenchReporter : IRunReporter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double? _classifierStart;

    public List<long> Rss { get; } = [];
    public CpuSample FirstEpoch { get; private set; }
    public CpuSample LastEpoch { get; private set; }
    public double LastEpochAt { get; private set; }
    public double ClassifierSeconds { get; private set; }
    public double BestTargetShare { get; private set; }
    public CancellationToken Cancellation => CancellationToken.None;

    public void Publish(RunEvent partial)
    {
        var now = _clock.Elapsed.TotalSeconds;
        if (partial.Kind == RunEventKinds.Progress && partial.Message!.Contains("classifier", StringComparison.Ordinal))
        {
            _classifierStart ??= now;
            ClassifierSeconds = now - _classifierStart.Value;
        }
        if (partial.Kind != RunEventKinds.Epoch) return;
        var cpu = CpuSample.Now();
        using (var process = Process.GetCurrentProcess()) Rss.Add(process.WorkingSet64);
        if (partial.Epoch == 1) FirstEpoch = cpu;
        LastEpoch = cpu;
        LastEpochAt = now;
        var metrics = partial.Metrics!;
        if (metrics.TryGetValue("targetShare", out var share))
        {
            BestTargetShare = Math.Max(BestTargetShare, share);
            Console.WriteLine($"  epoch {partial.Epoch,4} at {now,6:F1} s: lossD {metrics["lossD"]:F3} lossG {metrics["lossG"]:F3} "
                + $"dReal {metrics["dReal"]:F3} dFake {metrics["dFake"]:F3} targetShare {share:F1} targetConfidence {metrics["targetConfidence"]:F3} "
                + $"RSS {Rss[^1] / 1048576.0:F0} MB, CPU user {cpu.User.TotalSeconds:F1} s sys {cpu.Sys.TotalSeconds:F1} s");
        }
    }

    public void StoreImage(string name, int epoch, string mime, byte[] bytes) { }
    public void Checkpoint() { }
}

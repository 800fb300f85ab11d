using LabDashboard.Engine;
using TorchSharp;

namespace LabDashboard.Bench;

/// <summary>What the numbers depend on: threads, cores, load; and the process's CPU time.</summary>
internal static class BenchEnvironment
{
    /// <summary>One line: TorchSharp threads, cores, load average.</summary>
    public static string Describe() =>
        $"TorchSharp {typeof(torch).Assembly.GetName().Version}, {torch.get_num_threads()} threads, "
        + $"{Environment.ProcessorCount} cores, load average {LoadAverage()}, native heap kept {NativeHeapStartup.Apply(EngineEnvironmentOptions.FromEnvironment())}";

    /// <summary>The 1/5/15-minute load averages (Linux), else "n/a".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Middle value (mean of the two middle ones for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

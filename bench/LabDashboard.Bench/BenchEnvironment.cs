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

    /// <summary>CPU seconds all cores spent busy since boot (Linux <c>/proc/stat</c>: all but idle and I/O wait; 100 ticks a second), else NaN.</summary>
    public static double MachineBusySeconds()
    {
        if (!File.Exists("/proc/stat")) return double.NaN;
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return (ticks.Sum() - ticks[3] - ticks[4]) / 100.0;
    }

    /// <summary>Middle value (mean of the two middle ones for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

using System.Diagnostics;

namespace LabDashboard.Bench;

/// <summary>The process's CPU time split into user and system (kernel) time, with the wall clock.</summary>
internal readonly record struct CpuSample(TimeSpan User, TimeSpan Sys, TimeSpan Wall)
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static CpuSample Now()
    {
        using var process = Process.GetCurrentProcess();
        return new CpuSample(process.UserProcessorTime, process.PrivilegedProcessorTime, Clock.Elapsed);
    }

    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.User - b.User, a.Sys - b.Sys, a.Wall - b.Wall);

    public override string ToString() =>
        $"wall {Wall.TotalSeconds:F1} s, CPU user {User.TotalSeconds:F1} s + sys {Sys.TotalSeconds:F1} s";
}

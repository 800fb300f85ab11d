using System.Runtime.InteropServices;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// Keeps memory libtorch freed inside the process on glibc, instead of handing it back to the OS.
/// </summary>
/// <remarks>
/// glibc trims the heap top and unmaps large blocks as soon as they are freed, so a loop that makes
/// a fresh 18 MB tensor every step (the GAN's 5,851×784 batch) page-faults it in again each time:
/// measured here, 22 s of the 200-epoch GAN's CPU time was kernel time, 2.4 s with the heap kept.
/// RSS then stays at the loop's peak instead of oscillating around it. The host applies it at start-up
/// (<see cref="NativeHeapStartup"/>); <c>LABDASHBOARD_NATIVE_HEAP=default</c> keeps glibc's behaviour.
/// </remarks>
public static class NativeHeap
{
    private const int TrimThreshold = -1;  // M_TRIM_THRESHOLD
    private const int TopPad = -2;         // M_TOP_PAD
    private const int MmapThreshold = -3;  // M_MMAP_THRESHOLD

    private static readonly Lazy<bool> Applied = new(Apply);

    /// <summary>True when the tuning is in force in this process (applied once, on first call).</summary>
    public static bool KeepFreedMemory() => Applied.Value;

    private static bool Apply()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            // 32 MB is glibc's largest mmap threshold; fixing it also stops the dynamic adjustment.
            return mallopt(MmapThreshold, 32 << 20) == 1
                & mallopt(TrimThreshold, 1 << 30) == 1
                & mallopt(TopPad, 64 << 20) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (e.g. musl): nothing to tune
        }
    }

    [DllImport("libc", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int mallopt(int parameter, int value);
}

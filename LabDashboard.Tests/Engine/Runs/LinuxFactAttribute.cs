namespace LabDashboard.Tests.Engine.Runs;

/// <summary>
/// A fact about glibc: it runs on Linux (CI is Debian) and is reported as skipped, with the reason,
/// elsewhere, since there is nothing of it to test on another C library.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "glibc's heap exists only on Linux";
    }
}

namespace LabDashboard.Bench;

/// <summary>
/// The targets a benchmark asserts: each is printed as met or NOT MET, and any miss makes the
/// program exit with 1, so a script (or a developer) sees a regression without reading the numbers.
/// </summary>
internal static class BenchTargets
{
    public static void Check(string name, bool met, string detail)
    {
        Console.WriteLine($"target {(met ? "met" : "NOT MET")}: {name} ({detail})");
        if (!met) Environment.ExitCode = 1;
    }
}

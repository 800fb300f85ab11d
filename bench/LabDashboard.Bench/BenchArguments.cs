namespace LabDashboard.Bench;

/// <summary>Command line: --data (data root), --out (exchange folder for the PyTorch script), --threads, --only fashion|iris.</summary>
internal sealed record BenchArguments(string DataRoot, string OutFolder, int Threads, string? Only)
{
    public static BenchArguments Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var repo = FindRepoRoot();
        return new BenchArguments(
            Path.GetFullPath(Value("--data") ?? Path.Combine(repo, "..", "shared", "data")),
            Path.GetFullPath(Value("--out") ?? Path.Combine(repo, "bench", "out")),
            int.Parse(Value("--threads") ?? "2", System.Globalization.CultureInfo.InvariantCulture),
            Value("--only"));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LabDashboard.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

namespace LabDashboard.Tests;

/// <summary>
/// Locates the shared test data: env LABDASHBOARD_TEST_DATA, else ../shared/data beside the
/// repository. Missing data fails the test loudly; it is never skipped.
/// </summary>
public static class TestData
{
    /// <summary>The repository root (the folder with LabDashboard.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The data folder (contains iris.csv, mnist/, fashion-mnist/, catsdogs/).</summary>
    public static string Root { get; } = Locate();

    /// <summary>A path under <see cref="Root"/> that must exist.</summary>
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([Root, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new InvalidOperationException($"Test data '{path}' is missing. Put ../shared/data beside the repository or set LABDASHBOARD_TEST_DATA.");
        return path;
    }

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("LABDASHBOARD_TEST_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnv))
            return Directory.Exists(fromEnv)
                ? fromEnv
                : throw new InvalidOperationException($"LABDASHBOARD_TEST_DATA points to '{fromEnv}', which does not exist.");
        var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared", "data"));
        return Directory.Exists(beside)
            ? beside
            : throw new InvalidOperationException($"Test data not found at '{beside}'. Put ../shared/data beside the repository or set LABDASHBOARD_TEST_DATA.");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LabDashboard.sln"))) return dir.FullName;
        throw new InvalidOperationException("LabDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace LabDashboard.Bench;

/// <summary>The state root a benchmark writes to: the one given with <c>--state</c> (kept) or a temporary one (deleted on dispose).</summary>
internal sealed class BenchState : IDisposable
{
    private readonly bool _owned;

    public BenchState(string? given, string prefix)
    {
        _owned = given is null;
        Root = given ?? Directory.CreateTempSubdirectory($"labdash-{prefix}-").FullName;
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public void Dispose()
    {
        if (!_owned) return;
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

namespace LabDashboard.Engine;

/// <summary>Where the engine reads data sets and writes its state.</summary>
public sealed class LabEngineOptions
{
    /// <summary>Read-only folders searched for data sets, in order (<c>Data:Root</c>).</summary>
    public List<string> DataRoots { get; } = [];

    /// <summary>Writable folder for the SQLite database, images, caches and models (<c>State:Root</c>).</summary>
    public string StateRoot { get; set; } = "state";
}

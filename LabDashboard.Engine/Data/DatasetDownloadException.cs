namespace LabDashboard.Engine.Data;

/// <summary>A data set could not be downloaded; nothing partial was left behind.</summary>
/// <param name="message">What went wrong, naming the file(s).</param>
/// <param name="networkUnreachable">True when no mirror could be reached at all (offline).</param>
/// <param name="inner">The underlying error.</param>
public sealed class DatasetDownloadException(string message, bool networkUnreachable, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when no mirror could be reached at all (the machine looks offline).</summary>
    public bool NetworkUnreachable { get; } = networkUnreachable;
}

namespace LabDashboard.Engine.Data;

/// <summary>A data set file is corrupt, truncated or of the wrong shape; the message names the file.</summary>
public sealed class DatasetFileException(string filePath, string problem, Exception? inner = null)
    : Exception($"Data set file '{filePath}' is unusable: {problem}", inner)
{
    /// <summary>The offending file.</summary>
    public string FilePath { get; } = filePath;

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; } = problem;
}

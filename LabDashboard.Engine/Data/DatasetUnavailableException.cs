namespace LabDashboard.Engine.Data;

/// <summary>A data set is neither on this machine nor downloadable; the message says which files to put where.</summary>
public sealed class DatasetUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

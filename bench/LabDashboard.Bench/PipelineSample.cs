namespace LabDashboard.Bench;

/// <summary>One run of a problem in one pipeline mode: start → finished, process CPU time over it, events seen.</summary>
internal sealed record PipelineSample(double Seconds, double CpuSeconds, int Events);

/// <summary>A way of running a problem: the engine alone, the run service, or the web app's hub.</summary>
internal interface IPipelineMode : IAsyncDisposable
{
    /// <summary>Column label, e.g. "SignalR hub".</summary>
    string Name { get; }

    /// <summary>Runs <paramref name="problemId"/> with default settings to its end.</summary>
    Task<PipelineSample> RunAsync(string problemId);
}

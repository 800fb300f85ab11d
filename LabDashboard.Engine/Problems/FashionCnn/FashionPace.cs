using System.Diagnostics;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>Samples per second and time left over a whole run.</summary>
internal sealed class FashionPace(long totalSamples)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;

    public double Seconds => _clock.Elapsed.TotalSeconds;
    public double SamplesPerSecond => _done / Math.Max(Seconds, 1e-6);
    public double EtaSeconds => SamplesPerSecond > 0 ? (totalSamples - _done) / SamplesPerSecond : 0;

    public void Completed(long samples) => _done = samples;
}

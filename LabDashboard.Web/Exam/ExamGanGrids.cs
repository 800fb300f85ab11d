using System.Collections.Concurrent;
using System.Globalization;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Web.Api;

namespace LabDashboard.Web.Exam;

/// <summary>
/// Problem 8's answer: the exam's 2×5 grid drawn from a run's saved generator with the run's seed as
/// the noise seed. The same run and seed always give the same grid, so each is drawn once; its PNG
/// is served by <see cref="GanMnist8Api"/> at the same URL.
/// </summary>
public sealed class ExamGanGrids(IRunArtifactStore artifacts)
{
    private const int Samples = 10;
    private readonly ConcurrentDictionary<string, GanAnswer?> _drawn = new();

    /// <summary>The run's grid; null when it saved no generator.</summary>
    public GanAnswer? For(string runId, string? seedSetting)
    {
        var seed = long.TryParse(seedSetting, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return _drawn.GetOrAdd(runId, id => new GanSampleService(artifacts).Generate(id, Samples, seed) is { } grid
            ? new GanAnswer(GanMnist8Api.PngUrl(id, Samples, grid.Seed), grid.Seed, grid.Data)
            : null);
    }
}

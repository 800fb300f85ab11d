using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Web.Security;

namespace LabDashboard.Web.Api;

/// <summary>
/// "Generate" for problem 8 over HTTP: new samples from a run's saved generator, without training.
/// The same run, count and seed always give the same grid, so the page asks for the captions and
/// then loads the PNG by URL.
/// </summary>
public static class GanMnist8Api
{
    /// <summary>The routes' common prefix.</summary>
    public const string Prefix = "/api/problems/gan-mnist8/runs";

    /// <summary>Maps <c>GET {Prefix}/{runId}/samples</c> (JSON) and <c>GET {Prefix}/{runId}/samples.png</c>.</summary>
    public static IEndpointRouteBuilder MapGanMnist8Api(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Prefix + "/{runId}/samples", (string runId, int? count, long? seed, IRunArtifactStore artifacts, UserRuns runs) =>
            runs.Sees(runId) && Generate(artifacts, runId, count, seed) is { } grid
                ? Results.Ok(GeneratedSamples.From(runId, grid))
                : Results.NotFound()).WithName("GanMnist8Samples");
        endpoints.MapGet(Prefix + "/{runId}/samples.png", (string runId, int? count, long? seed, IRunArtifactStore artifacts, UserRuns runs) =>
            runs.Sees(runId) && Generate(artifacts, runId, count, seed) is { } grid
                ? Results.File(grid.Png, "image/png")
                : Results.NotFound()).WithName("GanMnist8SamplesPng");
        return endpoints;
    }

    /// <summary>The PNG's URL for these samples.</summary>
    public static string PngUrl(string runId, int count, long seed) =>
        FormattableString.Invariant($"{Prefix}/{Uri.EscapeDataString(runId)}/samples.png?count={count}&seed={seed}");

    private static GeneratedGrid? Generate(IRunArtifactStore artifacts, string runId, int? count, long? seed)
    {
        var n = Math.Clamp(count ?? 10, 1, GanSampleService.MaxCount);
        return new GanSampleService(artifacts).Generate(runId, n, seed is { } s ? Math.Max(0, s) : null);
    }
}

/// <summary>Generated samples as JSON: the seed that made them, their captions and the PNG's URL.</summary>
public sealed record GeneratedSamples(string RunId, long Seed, string PngUrl, GanGridData Captions)
{
    /// <summary>From a generated grid.</summary>
    public static GeneratedSamples From(string runId, GeneratedGrid grid) =>
        new(runId, grid.Seed, GanMnist8Api.PngUrl(runId, grid.Data.DOutputs.Count, grid.Seed), grid.Data);
}

using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Web.Api;

/// <summary>Run history over REST: list, detail, metrics as CSV, images, start and delete.</summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runs").WithTags("Runs");
        group.MapGet("/", (string? problemId, IRunService runs) => TypedResults.Ok(runs.List(problemId)));
        group.MapPost("/", Start);
        group.MapGet("/{runId}", (string runId, IRunService runs) =>
            runs.Get(runId) is { } run ? TypedResults.Ok(run) : ApiProblems.UnknownRun(runId));
        group.MapGet("/{runId}/metrics.csv", MetricsCsv);
        group.MapGet("/{runId}/points", RunPoints.Get);
        group.MapDelete("/{runId}", Delete);
        group.MapGet("/{runId}/images/{name}/{epoch:int}", Image);
        return app;
    }

    /// <summary>The body of <c>POST /api/runs</c>.</summary>
    public sealed record StartRunRequest(string? ProblemId, JsonElement? Settings);

    private static IResult Start(StartRunRequest request, IRunService runs)
    {
        if (string.IsNullOrWhiteSpace(request.ProblemId))
            return ApiProblems.Invalid("problemId", "problemId is required: the id of a problem from GET /api/problems.");
        try
        {
            var runId = runs.Start(request.ProblemId, request.Settings);
            return TypedResults.Created($"/api/runs/{runId}", new { runId });
        }
        catch (UnknownProblemException e)
        {
            return ApiProblems.UnknownProblem(e.ProblemId);
        }
        catch (SettingsValidationException e)
        {
            return ApiProblems.BadSettings(e.Errors);
        }
    }

    private static IResult MetricsCsv(string runId, IRunService runs)
    {
        if (runs.Get(runId) is not { } run) return ApiProblems.UnknownRun(runId);
        var names = runs.Catalog.Find(run.Summary.ProblemId)?.Descriptor.Metrics.Select(m => m.Name);
        var csv = RunMetricsCsv.Write(run.EpochEvents, names);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", $"{run.Summary.ProblemId}-{runId}.csv");
    }

    private static IResult Delete(string runId, IRunService runs)
    {
        if (runs.Get(runId) is null) return ApiProblems.UnknownRun(runId);
        return runs.Delete(runId)
            ? TypedResults.NoContent()
            : TypedResults.Problem("A queued, running or paused run cannot be deleted; cancel it first.",
                statusCode: StatusCodes.Status409Conflict, title: "Run is live");
    }

    private static IResult Image(string runId, string name, int epoch, IRunService runs) =>
        runs.GetImage(runId, name, epoch) is { } image
            ? TypedResults.File(image.Bytes, image.Mime)
            : TypedResults.Problem($"Run '{runId}' has no image '{name}' at epoch {epoch}.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown image");
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using LabDashboard.Web.Security;

namespace LabDashboard.Web.Api;

/// <summary>Run history over REST: list, detail, metrics as CSV, images, start, restart, name/notes/tags and delete.</summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runs").WithTags("Runs");
        group.MapGet("/", List);
        group.MapPost("/", Start);
        group.MapPost("/{runId}/restart", Restart);
        group.MapGet("/{runId}", Get);
        group.MapGet("/{runId}/metrics.csv", MetricsCsv);
        group.MapGet("/{runId}/points", RunPoints.Get);
        group.MapPatch("/{runId}", Relabel);
        group.MapDelete("/{runId}", Delete);
        group.MapGet("/{runId}/images/{name}/{epoch:int}", Image);
        return app;
    }

    /// <summary>How many runs a page holds when the request does not say, and at most.</summary>
    public const int DefaultPageSize = 100, MaxPageSize = 1000;

    /// <summary>
    /// A page of run summaries, newest first. When there may be more, a <c>Link: &lt;…&gt;; rel="next"</c>
    /// header gives the next page's URL (its <c>cursor</c> is the last run's place).
    /// </summary>
    private static IResult List(string? problemId, int? limit, string? cursor, UserRuns runs, IOptions<JsonOptions> json, HttpResponse response)
    {
        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
            return ApiProblems.Invalid("limit", $"limit must be between 1 and {MaxPageSize}.");
        var before = cursor is null ? null : RunCursor.Parse(cursor);
        if (cursor is not null && before is null)
            return ApiProblems.Invalid("cursor", "cursor is not one this API handed out (the Link header of the previous page).");
        var page = runs.List(new RunQuery(problemId, size, before));
        if (page.Count == size)
        {
            var next = $"/api/runs?limit={size}&cursor={Uri.EscapeDataString(RunCursor.After(page[^1]).ToString())}"
                + (problemId is null ? "" : $"&problemId={Uri.EscapeDataString(problemId)}");
            response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return Json(SerializedPages, page, json);
    }

    /// <summary>
    /// Pages and records already written as JSON, by the instance the run service returned: it hands the same
    /// instance to every caller until a run changes, so polling clients share one serialisation.
    /// </summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<RunSummary>, byte[]> SerializedPages = new();

    /// <inheritdoc cref="SerializedPages"/>
    private static readonly ConditionalWeakTable<RunRecord, byte[]> SerializedRecords = new();

    private static IResult Json<T>(ConditionalWeakTable<T, byte[]> serialized, T value, IOptions<JsonOptions> json) where T : class =>
        TypedResults.Bytes(serialized.GetValue(value, v => JsonSerializer.SerializeToUtf8Bytes(v, json.Value.SerializerOptions)), "application/json; charset=utf-8");

    /// <summary>
    /// How many events a page of <c>GET /api/runs/{id}?afterSeq=&amp;limit=</c> holds when the request does not say,
    /// and at most; also how many epoch events <c>GET /api/runs/{id}</c> holds.
    /// </summary>
    public const int DefaultEventPageSize = 1000, MaxEventPageSize = 10000;

    /// <summary>
    /// When neither <c>afterSeq</c> nor <c>limit</c> is given, the run (<see cref="RunRecord"/>) with its first
    /// <see cref="DefaultEventPageSize"/> epoch events, <c>more</c> when others follow; with either, its summary
    /// and a page of its events of every kind (<see cref="RunEventPage"/>). Both send a
    /// <c>Link: &lt;…&gt;; rel="next"</c> header while stored events follow: the events (every kind) after the
    /// last one sent.
    /// </summary>
    private static IResult Get(string runId, long? afterSeq, int? limit, UserRuns runs, IOptions<JsonOptions> json, HttpResponse response)
    {
        if (afterSeq is null && limit is null)
        {
            if (runs.Get(runId, DefaultEventPageSize) is not { } run) return ApiProblems.UnknownRun(runId);
            if (run.More) LinkNext(response, runId, run.EpochEvents[^1].Seq, DefaultEventPageSize);
            return Json(SerializedRecords, run, json);
        }
        var size = limit ?? DefaultEventPageSize;
        if (size is < 1 or > MaxEventPageSize)
            return ApiProblems.Invalid("limit", $"limit must be between 1 and {MaxEventPageSize}.");
        if (afterSeq < 0) return ApiProblems.Invalid("afterSeq", "afterSeq must be 0 or more (the last seq already seen).");
        if (runs.EventPage(runId, afterSeq ?? 0, size) is not { } page) return ApiProblems.UnknownRun(runId);
        if (page.More) LinkNext(response, runId, page.Events[^1].Seq, size);
        return TypedResults.Ok(page);
    }

    private static void LinkNext(HttpResponse response, string runId, long afterSeq, int limit) =>
        response.Headers.Link = $"</api/runs/{Uri.EscapeDataString(runId)}?afterSeq={afterSeq}&limit={limit}>; rel=\"next\"";

    /// <summary>The body of <c>POST /api/runs</c>.</summary>
    public sealed record StartRunRequest(string? ProblemId, JsonElement? Settings);

    private static async Task<IResult> Start(StartRunRequest request, UserRuns runs)
    {
        if (string.IsNullOrWhiteSpace(request.ProblemId))
            return ApiProblems.Invalid("problemId", "problemId is required: the id of a problem from GET /api/problems.");
        try
        {
            var runId = await runs.StartAsync(request.ProblemId, request.Settings);
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
        catch (QuotaExceededException e)
        {
            return ApiProblems.QuotaExceeded(e);
        }
    }

    /// <summary>
    /// A new run with the problem and settings of an interrupted, failed or cancelled run, for that run's
    /// owner: 201 with its id; 404 for a run the caller does not see, 409 for a live or completed one.
    /// </summary>
    private static async Task<IResult> Restart(string runId, UserRuns runs)
    {
        try
        {
            return await runs.RestartAsync(runId) is { } newRunId
                ? TypedResults.Created($"/api/runs/{newRunId}", new { runId = newRunId })
                : ApiProblems.UnknownRun(runId);
        }
        catch (RunNotRestartableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Run cannot be restarted");
        }
        catch (SettingsValidationException e)
        {
            return ApiProblems.BadSettings(e.Errors);
        }
        catch (QuotaExceededException e)
        {
            return ApiProblems.QuotaExceeded(e);
        }
    }

    private static IResult MetricsCsv(string runId, UserRuns runs)
    {
        if (runs.Get(runId) is not { } run) return ApiProblems.UnknownRun(runId);
        var names = runs.Catalog.Find(run.Summary.ProblemId)?.Descriptor.Metrics.Select(m => m.Name);
        var csv = RunMetricsCsv.Write(run.EpochEvents, names);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", $"{run.Summary.ProblemId}-{runId}.csv");
    }

    /// <summary>The body of <c>PATCH /api/runs/{id}</c>: what to change; a part left out (null) keeps its value.</summary>
    public sealed record RelabelRunRequest(string? Name, string? Notes, IReadOnlyList<string?>? Tags);

    private static async Task<IResult> Relabel(string runId, RelabelRunRequest? request, UserRuns runs)
    {
        if (request is null) return ApiProblems.Invalid("body", "The body must be a JSON object with name, notes and/or tags.");
        if (runs.Summary(runId) is not { } current) return ApiProblems.UnknownRun(runId);
        try
        {
            var label = RunLabel.Create(request.Name ?? current.Label.Name, request.Notes ?? current.Label.Notes, request.Tags ?? current.Label.Tags);
            return await runs.RelabelAsync(runId, label) is { } summary ? TypedResults.Ok(summary) : ApiProblems.UnknownRun(runId);
        }
        catch (RunLabelValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors.ToDictionary(x => x.Key, x => x.Value.ToArray()),
                detail: e.Message, title: "Invalid run label");
        }
    }

    private static async Task<IResult> Delete(string runId, UserRuns runs)
    {
        if (!runs.Exists(runId)) return ApiProblems.UnknownRun(runId);
        return await runs.DeleteAsync(runId)
            ? TypedResults.NoContent()
            : TypedResults.Problem("A queued, running or paused run cannot be deleted; cancel it first.",
                statusCode: StatusCodes.Status409Conflict, title: "Run is live");
    }

    private static IResult Image(string runId, string name, int epoch, UserRuns runs) =>
        runs.GetImage(runId, name, epoch) is { } image
            ? TypedResults.File(image.Bytes, image.Mime)
            : TypedResults.Problem($"Run '{runId}' has no image '{name}' at epoch {epoch}.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown image");
}

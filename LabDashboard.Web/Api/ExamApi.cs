using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using LabDashboard.Web.Exam;
using LabDashboard.Web.Security;

namespace LabDashboard.Web.Api;

/// <summary><c>POST /api/exam</c> starts the eight problems with the exam's settings; <c>GET /api/exam/{id}</c> is the sheet as JSON.</summary>
public static class ExamApi
{
    /// <summary>
    /// The optional body of <c>POST /api/exam</c>. <paramref name="Settings"/> (problem id → settings) is a quick
    /// mode for tests; without it every problem runs with its defaults, the exam's settings.
    /// </summary>
    public sealed record StartExamRequest(IReadOnlyDictionary<string, JsonElement>? Settings);

    /// <summary>Adds <see cref="ExamService"/> and what it reads with.</summary>
    public static IServiceCollection AddExam(this IServiceCollection services) => services
        .AddSingleton<ExamStore>()
        .AddSingleton<ExamGanGrids>()
        .AddSingleton<ExamAnswers>()
        .AddSingleton<ExamService>()
        .AddSingleton<ExamSheetReader>();

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapExamApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exam").WithTags("Exam");
        group.MapPost("/", Start);
        group.MapGet("/{examId}", Sheet);
        return app;
    }

    private static async Task<IResult> Start(StartExamRequest? request, ExamService exams, UserRuns runs)
    {
        try
        {
            var examId = await exams.StartAsync(runs.Owner, request?.Settings);
            return TypedResults.Created($"/api/exam/{examId}", new { examId, sheet = $"/exam/{examId}" });
        }
        catch (UnknownProblemException e)
        {
            return TypedResults.Problem($"'{e.ProblemId}' is not one of the exam's problems.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown problem");
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

    private static IResult Sheet(string examId, ExamSheetReader sheets, UserRuns runs)
    {
        if (!ExamStore.IsWellFormed(examId))
            return TypedResults.Problem($"'{examId}' is not an exam id (12 lower-case hex digits).", statusCode: StatusCodes.Status400BadRequest, title: "Malformed exam id");
        return sheets.Sheet(examId, runs.Caller) is { } sheet
            ? TypedResults.Ok(sheet)
            : TypedResults.Problem($"No exam has the id '{examId}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown exam");
    }
}

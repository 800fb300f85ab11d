using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Api;

/// <summary>ProblemDetails answers shared by the endpoints.</summary>
internal static class ApiProblems
{
    public static IResult UnknownRun(string runId) =>
        TypedResults.Problem($"No run has the id '{runId}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown run");

    public static IResult UnknownProblem(string problemId) =>
        TypedResults.Problem($"No problem has the id '{problemId}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown problem");

    /// <summary>A 400 naming the bad parameter (the key of <c>errors</c>) and saying what is wrong.</summary>
    public static IResult Invalid(string parameter, string detail) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [detail] },
            detail: detail,
            title: $"Invalid {parameter}");

    public static IResult BadSettings(IReadOnlyList<string> errors) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["settings"] = errors.ToArray() },
            detail: string.Join("; ", errors),
            title: "Invalid settings");

    /// <summary>A 429 naming the quota (<c>limit</c>, its configuration key) and saying what to do.</summary>
    public static IResult QuotaExceeded(QuotaExceededException e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status429TooManyRequests, title: $"Quota reached: {e.Limit}",
            extensions: new Dictionary<string, object?> { ["limit"] = e.Limit });
}

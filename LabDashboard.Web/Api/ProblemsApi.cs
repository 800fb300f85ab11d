using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Api;

/// <summary><c>GET /api/problems</c>: ids, titles, settings schemas, metric and result names.</summary>
public static class ProblemsApi
{
    public static IEndpointRouteBuilder MapProblemsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/problems").WithTags("Problems");
        group.MapGet("/", (IRunService runs) => TypedResults.Ok(runs.Catalog.All.Select(p => p.Descriptor)));
        group.MapGet("/{problemId}", (string problemId, IRunService runs) =>
            runs.Catalog.Find(problemId) is { } problem
                ? TypedResults.Ok(problem.Descriptor)
                : ApiProblems.UnknownProblem(problemId));
        return app;
    }
}

using LabDashboard.Engine.Problems.Iris;

namespace LabDashboard.Web.Api;

/// <summary>REST endpoints about data sets.</summary>
public static class DatasetsApi
{
    /// <summary>Maps <c>GET /api/datasets/iris/split?seed=42&amp;frac=0.8</c>.</summary>
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/datasets/iris/split", IrisSplit).WithName("IrisSplit");
        return endpoints;
    }

    /// <summary>The bundled iris table's split, row numbers as pandas gives them.</summary>
    internal static IResult IrisSplit(long seed = 42, double frac = 0.8)
    {
        if (!(frac > 0 && frac <= 1))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid frac", detail: $"frac must be in (0, 1]; got {frac}.");
        if (seed is < 0 or > uint.MaxValue)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid seed", detail: $"seed must be between 0 and 4294967295; got {seed}.");
        var split = PandasSplit.Sample(IrisTable.Load().Count, frac, seed);
        return Results.Ok(new { train = split.Train, test = split.Test });
    }
}

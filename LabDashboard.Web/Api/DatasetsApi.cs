using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Security;

namespace LabDashboard.Web.Api;

/// <summary>REST endpoints about data sets.</summary>
public static class DatasetsApi
{
    /// <summary>Maps <c>GET /api/datasets/iris/split?seed=42&amp;frac=0.8</c> and <c>POST /api/datasets/iris/uploads</c>.</summary>
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/datasets/iris/split", IrisSplit).WithName("IrisSplit");
        // Scripts post without a token; pages from other sites are refused by the origin check.
        endpoints.MapPost("/api/datasets/iris/uploads", UploadIrisAsync).DisableAntiforgery();
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

    /// <summary>A CSV of iris.csv's shape as the multipart field <c>file</c>: checked, kept as the caller's, and answered with the id the <c>dataFile</c> setting takes.</summary>
    private static async Task<IResult> UploadIrisAsync(HttpRequest request, LabPaths paths, UserRuns runs, CancellationToken cancellationToken)
    {
        var form = await FormUploads.ReadAsync(request, IrisUploads.MaxBytes, "file", TooLarge, cancellationToken);
        if (form.Problem is not null) return form.Problem;
        if (form.Form!.Files.GetFile("file") is not { } file)
            return ApiProblems.Invalid("file", "Send the CSV as the multipart field 'file'.");
        if (file.Length > IrisUploads.MaxBytes) return TooLarge(file.Length);
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, cancellationToken);
        try
        {
            var (id, rows) = IrisUploads.Save(paths, runs.Owner, file.FileName, bytes);
            return TypedResults.Created((string?)null, new { uploadId = id, rows = rows.Count });
        }
        catch (DatasetFileException e)
        {
            return ApiProblems.Invalid("file", e.Message);
        }
    }

    private static IResult TooLarge(long size) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            detail: $"The upload is {size:N0} bytes; an iris CSV may have at most {IrisUploads.MaxBytes:N0}.");
}

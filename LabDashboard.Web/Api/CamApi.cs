using System.Globalization;
using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;
using System.Text.RegularExpressions;
using LabDashboard.Web.Security;

namespace LabDashboard.Web.Api;

/// <summary>REST for resnet-cam: <c>POST /api/cam</c> (predict + explain an uploaded photo) and the PNGs the page shows.</summary>
public static partial class CamApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCamApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/cam", ExplainAsync).DisableAntiforgery();
        endpoints.MapGet("/api/cam/results/{id}/{kind}.png", ResultImage);
        endpoints.MapGet("/api/cam/models", (CamService cam, UserRuns runs) => Results.Ok(VisibleModels(cam, runs)));
        endpoints.MapGet("/api/cam/models/{runId}/gallery", (string runId, CamService cam, UserRuns runs) =>
            RunIdPattern().IsMatch(runId) && runs.Sees(runId) ? Results.Ok(cam.Models.Gallery(runId)) : Results.NotFound());
        endpoints.MapGet("/api/cam/models/{runId}/gallery/{file}", GalleryImage);
        return endpoints;
    }

    /// <summary>The models of runs the caller sees, newest first.</summary>
    private static IReadOnlyList<TrainedModelInfo> VisibleModels(CamService cam, UserRuns runs) =>
        runs.Caller.SeesAll ? cam.Models.List() : [.. cam.Models.List().Where(m => runs.Sees(m.RunId))];

    private static async Task<IResult> ExplainAsync(HttpRequest request, CamService cam, UserRuns runs, CancellationToken cancellationToken)
    {
        var cap = cam.Limits.MaxBytes;
        if (request.ContentLength > cap + 64 * 1024) return TooLarge(request.ContentLength.Value, cap);
        var form = await ReadFormAsync(request, cap, cancellationToken);
        if (form.Problem is not null) return form.Problem;
        if (ReadParameters(form.Form!, out var options, out var runId) is { } badParameter) return badParameter;
        // Only a model of the caller's own runs: another's is "no such model", and without a runId the caller's latest.
        if (runId is not null && !runs.Sees(runId)) return NoModel(runId, $"Run '{runId}' has no completed resnet-cam model.");
        if (runId is null && !runs.Caller.SeesAll)
            runId = VisibleModels(cam, runs).FirstOrDefault()?.RunId ?? "";
        if (runId == "") return NoModel(null, "No trained resnet-cam model of yours yet: train one first.");
        var file = form.Form!.Files.GetFile("image");
        if (file is null) return Results.Problem(statusCode: 400, title: "Missing image", detail: "Send the photo as the multipart field 'image'.");
        if (file.Length > cap) return TooLarge(file.Length, cap);
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, cancellationToken);
        try
        {
            var result = await cam.ExplainAsync(bytes, runId, options, runs.Owner, cancellationToken);
            return Results.Ok(new
            {
                result.Logit, result.Probability, result.Label, backbone = result.Model.Backbone, runId = result.Model.RunId,
                overlayPng = Convert.ToBase64String(result.OverlayPng), preprocessing = result.Model.Preprocessing,
                imageSize = result.Model.ImageSize, result.Precision, result.Method, result.Colormap, Notices = result.Notices.Select(n => n.ToString()), result.Id,
            });
        }
        catch (ImageRejectedException e)
        {
            return Results.Problem(statusCode: StatusFor(e.Reason), title: TitleFor(e.Reason), detail: e.Message);
        }
        catch (NoTrainedModelException e)
        {
            return NoModel(runId, e.Message);
        }
    }

    private static IResult NoModel(string? runId, string detail) =>
        Results.Problem(statusCode: runId is null ? 409 : 404, title: "No trained model", detail: detail);

    private static Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, long cap, CancellationToken cancellationToken) =>
        FormUploads.ReadAsync(request, cap, "image", size => TooLarge(size, cap), cancellationToken);

    private static readonly string[] Methods = ["cam", "grad-cam"];

    /// <summary>alpha, colormap, method and runId of the form (each optional), or a 400 naming the first bad one.</summary>
    private static IResult? ReadParameters(IFormCollection form, out CamOptions options, out string? runId)
    {
        options = new CamOptions();
        runId = form["runId"].ToString().Trim() is { Length: > 0 } id ? id : null;
        if (runId is not null && !RunIdPattern().IsMatch(runId))
            return ApiProblems.Invalid("runId", "runId is the id of a completed resnet-cam run (letters, digits, '-' and '_').");
        var alphaText = form["alpha"].ToString().Trim();
        var alpha = options.Alpha;
        if (alphaText.Length > 0 && !(double.TryParse(alphaText, NumberStyles.Float, CultureInfo.InvariantCulture, out alpha) && alpha is >= 0 and <= 1))
            return ApiProblems.Invalid("alpha", $"alpha is the heatmap's opacity, a number from 0 to 1; got '{alphaText}'.");
        var colormap = form["colormap"].ToString().Trim() is { Length: > 0 } map ? map : options.Colormap;
        if (!Colormaps.Names.Contains(colormap))
            return ApiProblems.Invalid("colormap", $"Unknown colormap '{colormap}'; accepted: {string.Join(", ", Colormaps.Names)}.");
        var method = form["method"].ToString().Trim() is { Length: > 0 } m ? m : Methods[0];
        if (!Methods.Contains(method))
            return ApiProblems.Invalid("method", $"Unknown method '{method}'; accepted: {string.Join(", ", Methods)}.");
        options = new CamOptions(colormap, alpha, GradCam: method == "grad-cam");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex RunIdPattern();

    /// <summary>A PNG of a recent explanation; one asked for by somebody else is answered as an unknown id.</summary>
    private static IResult ResultImage(string id, string kind, double? alpha, CamService cam, UserRuns runs)
    {
        if (alpha is < 0 or > 1 || (alpha is { } a && double.IsNaN(a)))
            return Results.Problem(statusCode: 400, title: "Bad opacity", detail: "alpha is the heatmap's opacity, between 0 and 1.");
        var result = cam.Recent(id) is { } recent && runs.Caller.Owns(recent.Owner) ? recent : null;
        var bytes = kind switch
        {
            "input" => result?.InputPng,
            "heatmap" => result?.HeatmapPng,
            "overlay" => alpha is { } opacity ? result?.OverlayPngAt(opacity) : result?.OverlayPng,
            _ => null,
        };
        return bytes is null ? Results.NotFound() : Results.File(bytes, "image/png");
    }

    private static IResult GalleryImage(string runId, string file, CamService cam, UserRuns runs)
    {
        if (!runs.Sees(runId)) return Results.NotFound();
        try
        {
            var bytes = cam.Models.GalleryImage(runId, file);
            return bytes is null ? Results.NotFound() : Results.File(bytes, "image/png");
        }
        catch (ArgumentException)
        {
            return Results.NotFound();
        }
    }

    private static IResult TooLarge(long size, long cap) =>
        Results.Problem(statusCode: 413, title: "Image too large", detail: $"The upload is {size:N0} bytes; the limit is {cap:N0}.");

    private static int StatusFor(ImageRejection reason) => reason switch
    {
        ImageRejection.TooLarge => 413,
        ImageRejection.UnsupportedFormat => 415,
        _ => 422,
    };

    private static string TitleFor(ImageRejection reason) => reason switch
    {
        ImageRejection.TooLarge => "Image too large",
        ImageRejection.UnsupportedFormat => "Not an accepted image",
        ImageRejection.TooManyPixels => "Too many pixels",
        _ => "Undecodable image",
    };
}

using System.Globalization;
using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.Http.Features;

namespace LabDashboard.Web.Api;

/// <summary>REST for resnet-cam: <c>POST /api/cam</c> (predict + explain an uploaded photo) and the PNGs the page shows.</summary>
public static class CamApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCamApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/cam", ExplainAsync).DisableAntiforgery();
        endpoints.MapGet("/api/cam/results/{id}/{kind}.png", ResultImage);
        endpoints.MapGet("/api/cam/models", (CamService cam) => Results.Ok(cam.Models.List()));
        endpoints.MapGet("/api/cam/models/{runId}/gallery", (string runId, CamService cam) => Results.Ok(cam.Models.Gallery(runId)));
        endpoints.MapGet("/api/cam/models/{runId}/gallery/{file}", GalleryImage);
        return endpoints;
    }

    private static async Task<IResult> ExplainAsync(HttpRequest request, CamService cam, CancellationToken cancellationToken)
    {
        var cap = cam.Limits.MaxBytes;
        if (request.ContentLength > cap + 64 * 1024) return TooLarge(request.ContentLength.Value, cap);
        var form = await ReadFormAsync(request, cap, cancellationToken);
        if (form.Problem is not null) return form.Problem;
        var file = form.Form!.Files.GetFile("image");
        if (file is null) return Results.Problem(statusCode: 400, title: "Missing image", detail: "Send the photo as the multipart field 'image'.");
        if (file.Length > cap) return TooLarge(file.Length, cap);
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, cancellationToken);
        var runId = form.Form["runId"].ToString();
        try
        {
            var result = await cam.ExplainAsync(bytes, string.IsNullOrWhiteSpace(runId) ? null : runId, Options(form.Form), cancellationToken);
            return Results.Ok(new
            {
                result.Logit, result.Probability, result.Label, backbone = result.Model.Backbone, runId = result.Model.RunId,
                overlayPng = Convert.ToBase64String(result.OverlayPng), preprocessing = result.Model.Preprocessing,
                imageSize = result.Model.ImageSize, result.Precision, result.Method, result.Colormap, result.Notices, result.Id,
            });
        }
        catch (ImageRejectedException e)
        {
            return Results.Problem(statusCode: StatusFor(e.Reason), title: TitleFor(e.Reason), detail: e.Message);
        }
        catch (NoTrainedModelException e)
        {
            return Results.Problem(statusCode: string.IsNullOrWhiteSpace(runId) ? 409 : 404, title: "No trained model", detail: e.Message);
        }
    }

    private static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, long cap, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return (null, Results.Problem(statusCode: 415, title: "Expected multipart/form-data", detail: "POST the photo as multipart/form-data with the field 'image'."));
        var features = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (features is { IsReadOnly: false }) features.MaxRequestBodySize = cap + 1024 * 1024;
        try
        {
            return (await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = cap + 1024 * 1024 }, cancellationToken), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return (null, TooLarge(request.ContentLength ?? cap + 1, cap));
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge(request.ContentLength ?? cap + 1, cap)
                : Results.Problem(statusCode: 400, title: "Malformed form", detail: e.Message));
        }
    }

    private static CamOptions Options(IFormCollection form)
    {
        var alpha = double.TryParse(form["alpha"], NumberStyles.Float, CultureInfo.InvariantCulture, out var a) ? Math.Clamp(a, 0, 1) : 0.5;
        return new CamOptions(Colormaps.Resolve(form["colormap"].ToString()), alpha, form["method"].ToString() == "grad-cam");
    }

    private static IResult ResultImage(string id, string kind, double? alpha, CamService cam)
    {
        if (alpha is < 0 or > 1 || (alpha is { } a && double.IsNaN(a)))
            return Results.Problem(statusCode: 400, title: "Bad opacity", detail: "alpha is the heatmap's opacity, between 0 and 1.");
        var result = cam.Recent(id);
        var bytes = kind switch
        {
            "input" => result?.InputPng,
            "heatmap" => result?.HeatmapPng,
            "overlay" => alpha is { } opacity ? result?.OverlayPngAt(opacity) : result?.OverlayPng,
            _ => null,
        };
        return bytes is null ? Results.NotFound() : Results.File(bytes, "image/png");
    }

    private static IResult GalleryImage(string runId, string file, CamService cam)
    {
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

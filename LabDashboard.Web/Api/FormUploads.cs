using Microsoft.AspNetCore.Http.Features;

namespace LabDashboard.Web.Api;

/// <summary>Reads a multipart upload of one file under a size cap; every malformed or oversized body is a 4xx ProblemDetails.</summary>
internal static class FormUploads
{
    // Room for the multipart framing and the small fields sent beside the file.
    private const long FramingBytes = 1024 * 1024;

    /// <summary>The form, or the problem to answer: 415 not multipart, 413 through <paramref name="tooLarge"/>, 400 malformed.</summary>
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(
        HttpRequest request, long cap, string field, Func<long, IResult> tooLarge, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return (null, Results.Problem(statusCode: 415, title: "Expected multipart/form-data", detail: $"POST multipart/form-data with the file in the field '{field}'."));
        if (request.ContentLength > cap + FramingBytes) return (null, tooLarge(request.ContentLength.Value));
        var features = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (features is { IsReadOnly: false }) features.MaxRequestBodySize = cap + FramingBytes;
        try
        {
            return (await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = cap + FramingBytes }, cancellationToken), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return (null, tooLarge(request.ContentLength ?? cap + 1));
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? tooLarge(request.ContentLength ?? cap + 1)
                : Malformed(e.Message));
        }
        catch (IOException)
        {
            return (null, Malformed("The body ended before the multipart form did (no closing boundary)."));
        }
    }

    private static IResult Malformed(string detail) => Results.Problem(statusCode: 400, title: "Malformed form", detail: detail);
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace LabDashboard.Tests.Integration;

/// <summary>Posts a file to <c>POST /api/cam</c> as the page does (multipart field 'image').</summary>
public static class CamUploads
{
    public static async Task<(HttpStatusCode Status, string MediaType, string Body, TimeSpan Took)> PostAsync(HttpClient client, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "image", "upload.jpg");
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("/api/cam", form);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", body, clock.Elapsed);
    }

    /// <summary>A JPEG of the shared american_bulldog_10.jpg (500×334) cut around its centre to <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] DogPhotoCropped(int width, int height)
    {
        using var image = Image.Load(TestData.Path("catsdogs", "dog", "american_bulldog_10.jpg"));
        image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(width, height), Mode = ResizeMode.Crop }));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }
}

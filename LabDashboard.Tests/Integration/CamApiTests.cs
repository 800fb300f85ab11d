using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Tests.Engine.Problems.ResnetCam;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration;

public class CamApiTests(CamApiFixture server) : IClassFixture<CamApiFixture>
{
    private static readonly byte[] DogPhoto = File.ReadAllBytes(ResnetCamTestEnvironment.Photo("dog", "american_bulldog_10.jpg"));

    private static MultipartFormDataContent Form(byte[] bytes, string fileName = "photo.jpg", string? runId = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "image", fileName);
        if (runId is not null) form.Add(new StringContent(runId), "runId");
        return form;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(byte[] bytes, string? runId = null, HttpClient? client = null)
    {
        using var response = await (client ?? server.Client).PostAsync("/api/cam", Form(bytes, runId: runId));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_dog_photo_is_explained_with_prediction_backbone_run_and_a_png_overlay_at_the_photos_aspect()
    {
        var (status, body, _) = await PostAsync(DogPhoto);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("dog", body.GetProperty("label").GetString());
        var logit = body.GetProperty("logit").GetDouble();
        Assert.Equal(1 / (1 + Math.Exp(-logit)), body.GetProperty("probability").GetDouble(), 6);
        Assert.Equal("cntk-resnet18", body.GetProperty("backbone").GetString());
        Assert.Equal(TrainedHeadOnlyModel.RunId, body.GetProperty("runId").GetString());
        var png = Convert.FromBase64String(body.GetProperty("overlayPng").GetString()!);
        using var overlay = SixLabors.ImageSharp.Image.Load(png);
        // The photo is 500×334: the model saw it stretched to 224², the overlay shows it as it is, long side 224.
        Assert.Equal((224, 150), (overlay.Width, overlay.Height));
    }

    [Theory]
    [InlineData(400, 300, 224, 168)]
    [InlineData(300, 400, 168, 224)]
    public async Task A_non_square_photos_overlay_input_and_heatmap_keep_its_aspect(int width, int height, int expectedWidth, int expectedHeight)
    {
        var (status, body, _) = await PostAsync(CamUploads.DogPhotoCropped(width, height));

        Assert.Equal(HttpStatusCode.OK, status);
        var overlay = OverlayRenderer.FromPng(Convert.FromBase64String(body.GetProperty("overlayPng").GetString()!));
        Assert.Equal((expectedWidth, expectedHeight), (overlay.Width, overlay.Height));
        var id = body.GetProperty("id").GetString();
        foreach (var kind in new[] { "input", "heatmap" })
        {
            var image = OverlayRenderer.FromPng(await server.Client.GetByteArrayAsync($"/api/cam/results/{id}/{kind}.png"));
            Assert.Equal((expectedWidth, expectedHeight), (image.Width, image.Height));
        }
    }

    [Fact]
    public async Task The_pages_input_and_heatmap_pngs_blend_half_and_half_into_the_answers_overlay()
    {
        var (_, body, _) = await PostAsync(DogPhoto);
        var id = body.GetProperty("id").GetString();
        var overlay = OverlayRenderer.FromPng(Convert.FromBase64String(body.GetProperty("overlayPng").GetString()!));

        var input = OverlayRenderer.FromPng(await server.Client.GetByteArrayAsync($"/api/cam/results/{id}/input.png"));
        var heatmap = OverlayRenderer.FromPng(await server.Client.GetByteArrayAsync($"/api/cam/results/{id}/heatmap.png"));

        Assert.Equal((224, 150), (input.Width, input.Height));
        Assert.Equal((224, 150), (heatmap.Width, heatmap.Height));
        Assert.NotEqual(input.Rgb, heatmap.Rgb);
        Assert.Equal(overlay.Rgb, OverlayRenderer.Blend(input, heatmap, 0.5).Rgb);
    }

    [Theory]
    [InlineData("empty", 415)]
    [InlineData("text-as-jpg", 415)]
    [InlineData("truncated-jpeg", 422)]
    [InlineData("png-bomb-60000x60000", 422)]
    [InlineData("over-20-MB", 413)]
    public async Task Bad_uploads_are_refused_with_problem_details_and_the_right_status(string kind, int expected)
    {
        var bytes = kind switch
        {
            "empty" => [],
            "text-as-jpg" => BadImages.TextNamedJpg(),
            "truncated-jpeg" => BadImages.Truncated(DogPhoto),
            "png-bomb-60000x60000" => BadImages.PngBomb(),
            _ => BadImages.OverSizeCap(20 * 1024 * 1024),
        };

        var (status, body, mediaType) = await PostAsync(bytes);

        Assert.Equal(expected, (int)status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(DogPhoto)).Status);
    }

    [Fact]
    public async Task An_animated_gif_uses_its_first_frame_with_a_notice()
    {
        var (status, body, _) = await PostAsync(BadImages.AnimatedGif());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("first frame", body.GetProperty("notices")[0].GetString());
    }

    [Fact]
    public async Task A_webp_photo_is_accepted()
    {
        var (status, body, _) = await PostAsync(BadImages.WebpOf(DogPhoto));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("dog", body.GetProperty("label").GetString());
    }

    [Fact]
    public async Task An_unknown_run_is_404_and_no_model_at_all_is_409()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(DogPhoto, runId: "no-such-run")).Status);

        var empty = Directory.CreateTempSubdirectory("cam-empty-state-").FullName;
        var (app, client) = await CamApiFixture.StartAsync(empty);
        await using (app)
        using (client)
        {
            var (status, body, mediaType) = await PostAsync(DogPhoto, client: client);
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Equal("application/problem+json", mediaType);
            Assert.Contains("train", body.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Concurrent_uploads_queue_for_the_cpu_and_all_succeed()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(DogPhoto)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(1, ServiceOf(server).PeakConcurrency);
    }

    private static CamService ServiceOf(CamApiFixture fixture) => fixture.Services.GetRequiredService<CamService>();
}

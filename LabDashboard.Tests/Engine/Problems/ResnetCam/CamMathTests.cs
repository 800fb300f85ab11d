using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public class CamMathTests
{
    private static (Tensor Layer4, Tensor Weight, Tensor Bias) RandomHead(int seed)
    {
        using var generator = new Generator((ulong)seed);
        return (rand([512, 7, 7], generator: generator) * 3, randn([1, 512], generator: generator) * 0.1, randn([1], generator: generator));
    }

    [Fact]
    public void Cam_spatial_mean_equals_the_logit()
    {
        using var scope = NewDisposeScope();
        var (a, w, b) = RandomHead(1);
        var logit = nn.functional.linear(a.mean([1, 2]).unsqueeze(0), w, b).item<float>();

        var cam = CamMath.ClassActivationMap(a, w, b);

        Assert.Equal([7L, 7], cam.shape);
        Assert.Equal(logit, cam.mean().item<float>(), 4);
    }

    [Fact]
    public void Cam_is_negated_for_a_cat_prediction_and_kept_for_a_dog()
    {
        using var scope = NewDisposeScope();
        var (a, w, b) = RandomHead(2);
        var cam = CamMath.ClassActivationMap(a, w, b);

        Assert.True(CamMath.ForPredictedClass(cam, logit: 1.5).allclose(cam));
        Assert.True(CamMath.ForPredictedClass(cam, logit: -0.2).allclose(-cam));
    }

    [Fact]
    public void Cam_upsamples_bilinearly_to_the_input_size()
    {
        using var scope = NewDisposeScope();
        var cam = arange(16, dtype: ScalarType.Float32).reshape(4, 4);

        var up = CamMath.Upsample(cam, 512, 384);

        Assert.Equal([512L, 384], up.shape);
        Assert.Equal(cam.mean().item<float>(), up.mean().item<float>(), 3);
        Assert.True(up.min().item<float>() >= 0 && up.max().item<float>() <= 15);
    }

    [Fact]
    public void Grad_cam_equals_relu_of_cam_without_bias_over_the_map_area()
    {
        using var scope = NewDisposeScope();
        var (a, w, b) = RandomHead(3);

        var gradCam = CamMath.GradCam(a, w, b);
        var expected = nn.functional.relu(CamMath.ClassActivationMap(a, w, b) - b[0]) / 49;

        Assert.True((gradCam - expected).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void Overlay_blends_input_and_heatmap_half_and_half()
    {
        var input = new RgbImage(2, 1, [0, 100, 200, 255, 255, 255]);
        var heat = new RgbImage(2, 1, [200, 100, 0, 0, 0, 1]);

        var blended = OverlayRenderer.Blend(input, heat, 0.5);

        Assert.Equal(new byte[] { 100, 100, 100, 128, 128, 128 }, blended.Rgb);
    }

    [Fact]
    public void An_explanation_reblends_its_overlay_at_another_opacity()
    {
        var input = new RgbImage(2, 1, [0, 100, 200, 255, 255, 255]);
        var heat = new RgbImage(2, 1, [200, 100, 0, 0, 0, 1]);
        var model = new LabDashboard.Engine.Problems.ResnetCam.Models.TrainedModelInfo("r1", "cntk-resnet18", "bgr255", 2, false, "catsdogs", DateTimeOffset.UnixEpoch, 0.9);
        var explanation = new CamExplanation("e1", 1, 0.73, "dog", model, "cam", "magma", 0.5, -1, 1, 1,
            input, heat, 2, 1, "png", []);

        Assert.Same(explanation.OverlayPng, explanation.OverlayPngAt(0.5));
        Assert.Equal(new byte[] { 100, 100, 100, 128, 128, 128 }, OverlayRenderer.FromPng(explanation.OverlayPng).Rgb);
        Assert.Equal(input.Rgb, OverlayRenderer.FromPng(explanation.InputPng).Rgb);
        Assert.Equal(heat.Rgb, OverlayRenderer.FromPng(explanation.HeatmapPng).Rgb);
        Assert.Equal(input.Rgb, OverlayRenderer.FromPng(explanation.OverlayPngAt(0)).Rgb);
        Assert.Equal(heat.Rgb, OverlayRenderer.FromPng(explanation.OverlayPngAt(1)).Rgb);
        Assert.Equal(new byte[] { 160, 100, 40, 51, 51, 52 }, OverlayRenderer.FromPng(explanation.OverlayPngAt(0.8)).Rgb);
        Assert.Throws<ArgumentOutOfRangeException>(() => explanation.OverlayPngAt(1.5));
    }

    [Fact]
    public void Heatmap_spans_the_colormap_from_min_to_max_and_encodes_as_an_rgb_png()
    {
        var (image, low, high) = OverlayRenderer.Heatmap([-1f, 0f, 3f], 3, 1, "magma");
        var png = RgbPng.Encode(image);

        Assert.Equal((-1f, 3f), (low, high));
        Assert.Equal(new byte[] { 0, 0, 4 }, image.Rgb[..3]);
        Assert.Equal(new byte[] { 0xfc, 0xfd, 0xbf }, image.Rgb[6..]);
        Assert.Equal(AcceptedImageFormat.Png, ImageFormatSniffer.Detect(png));
        Assert.Equal(2, png[25]); // IHDR colour type 2 = RGB (no alpha)
    }
}

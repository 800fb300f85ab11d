using LabDashboard.Engine.Problems.ResnetCam.Cam;
using Xunit.Abstractions;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public class CamPrecisionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("float32", CamPrecision.Float32)]
    [InlineData(" BFloat16 ", CamPrecision.BFloat16)]
    public void Configured_names_choose_the_precision(string name, CamPrecision expected)
    {
        Assert.Equal(expected, CamPrecisions.Parse(name));
    }

    [Fact]
    public void Auto_and_nothing_mean_what_this_cpu_does_best_and_other_names_are_refused()
    {
        Assert.Equal(CamPrecisions.Auto(), CamPrecisions.Parse(null));
        Assert.Equal(CamPrecisions.Auto(), CamPrecisions.Parse("auto"));
        var error = Assert.Throws<ArgumentException>(() => CamPrecisions.Parse("fp8"));
        Assert.Contains("auto, float32, bfloat16", error.Message);
    }

    [Fact]
    public void Only_native_bfloat16_arithmetic_makes_bfloat16_the_default()
    {
        Assert.True(CamPrecisions.CpuHasNativeBFloat16(["fpu", "avx2", "avx512f", "avx512_bf16"]));
        Assert.True(CamPrecisions.CpuHasNativeBFloat16(["amx_bf16", "amx_tile"]));
        Assert.False(CamPrecisions.CpuHasNativeBFloat16(["fpu", "avx2", "avx512f", "avx512_vnni"]));
        Assert.False(CamPrecisions.CpuHasNativeBFloat16([]));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Bfloat16_explanations_agree_with_float32_ones_on_pet_photos()
    {
        _ = TrainedHeadOnlyModel.Run;
        using var exact = new CamService(ResnetCamTestEnvironment.Paths, precision: CamPrecision.Float32);
        using var fast = new CamService(ResnetCamTestEnvironment.Paths, precision: CamPrecision.BFloat16);
        var photos = Directory.GetFiles(TestData.Path("catsdogs"), "*.jpg", SearchOption.AllDirectories).Order()
            .Where((_, i) => i % 80 == 0).ToList();

        var worst = 0.0;
        foreach (var photo in photos)
        {
            var bytes = await File.ReadAllBytesAsync(photo);
            var (a, b) = (await exact.ExplainAsync(bytes), await fast.ExplainAsync(bytes));
            var difference = Math.Abs(a.Logit - b.Logit);
            worst = Math.Max(worst, difference);
            output.WriteLine($"{Path.GetFileName(photo)}: float32 {a.Logit:F3}, bfloat16 {b.Logit:F3}, heatmap mean |diff| {MeanDifference(a.Heatmap.Rgb, b.Heatmap.Rgb):F2}");
            Assert.Equal(("float32", "bfloat16"), (a.Precision, b.Precision));
            Assert.True(difference < 0.1 + 0.02 * Math.Abs(a.Logit), $"{Path.GetFileName(photo)}: logit {a.Logit:F3} in float32, {b.Logit:F3} in bfloat16");
            if (Math.Abs(a.Logit) > 0.3) Assert.Equal(a.Label, b.Label);
            Assert.True(MeanDifference(a.Heatmap.Rgb, b.Heatmap.Rgb) < 4, $"{Path.GetFileName(photo)}: the maps differ");
        }
        output.WriteLine($"{photos.Count} photos, worst |Δlogit| {worst:F3}");
        Assert.True(photos.Count >= 10);
    }

    private static double MeanDifference(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
}

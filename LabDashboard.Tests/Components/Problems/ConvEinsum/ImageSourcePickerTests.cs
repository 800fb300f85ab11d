using Bunit;
using LabDashboard.Engine.Problems.ConvEinsum;
using LabDashboard.Web.Components.Problems.ConvEinsum;
using Microsoft.AspNetCore.Components.Forms;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Tests.Components.Problems.ConvEinsum;

public class ImageSourcePickerTests : LabComponentTest
{
    private (string Name, RgbImage Image)? _uploaded;
    private SampleImage? _selected;

    private IRenderedComponent<ImageSourcePicker> RenderPicker() => Render<ImageSourcePicker>(p => p
        .Add(c => c.Samples, SyntheticImages.All())
        .Add(c => c.SelectedId, "square")
        .Add(c => c.OnSelect, (SampleImage s) => _selected = s)
        .Add(c => c.OnUpload, ((string Name, RgbImage Image) u) => _uploaded = u));

    [Fact]
    public void Clicking_a_sample_selects_it()
    {
        var cut = RenderPicker();
        cut.FindAll("button.sample").Single(b => b.TextContent.Contains("Circle")).Click();
        Assert.Equal("circle", _selected?.Id);
    }

    [Fact]
    public void A_dropped_image_larger_than_512_KB_is_decoded_and_resized()
    {
        var cut = RenderPicker();
        var png = NoisyPng(600, 400);
        Assert.True(png.Length > 512 * 1024, $"the test image is only {png.Length} bytes");
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(png, "noise.png", contentType: "image/png"));
        cut.WaitForAssertion(() => Assert.NotNull(_uploaded));
        Assert.Equal("noise.png", _uploaded!.Value.Name);
        Assert.Equal((128, 85), (_uploaded.Value.Image.Width, _uploaded.Value.Image.Height));
    }

    [Fact]
    public void A_file_that_is_not_an_image_shows_a_warning()
    {
        var cut = RenderPicker();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("hello", "notes.txt"));
        cut.WaitForAssertion(() => Assert.Contains("notes.txt: This file is not an image", cut.Find("[role=alert]").TextContent));
        Assert.Null(_uploaded);
    }

    private static byte[] NoisyPng(int width, int height)
    {
        var random = new Random(1);
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}

using Bunit;
using LabDashboard.Web;
using LabDashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LabDashboard.Tests.Components.Shared;

public class ImageDropZoneTests : BunitContext
{
    public ImageDropZoneTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLabLocalization();
    }

    [Fact]
    public void Drop_zone_has_a_labelled_file_input_that_accepts_the_image_formats()
    {
        var cut = Render<ImageDropZone>(p => p.Add(z => z.Label, "Choose a photo"));

        var input = cut.Find("input[type=file]");
        Assert.Equal("Choose a photo", input.GetAttribute("aria-label"));
        Assert.Contains("image/webp", input.GetAttribute("accept"));
        Assert.Equal(input.Id, cut.Find("label").GetAttribute("for"));
    }

    [Fact]
    public void A_picked_file_reaches_the_callback_with_its_bytes_name_and_type()
    {
        DroppedImage? received = null;
        var cut = Render<ImageDropZone>(p => p.Add(z => z.OnImage, (DroppedImage d) => received = d));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "cat.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.NotNull(received));
        Assert.Equal(new byte[] { 1, 2, 3 }, received!.Bytes);
        Assert.Equal(("cat.png", "image/png"), (received.FileName, received.ContentType));
    }

    [Fact]
    public void A_file_over_the_cap_is_refused_without_being_read()
    {
        string? error = null;
        var called = false;
        var cut = Render<ImageDropZone>(p => p
            .Add(z => z.MaxBytes, 2)
            .Add(z => z.OnImage, (DroppedImage _) => called = true)
            .Add(z => z.OnError, (string e) => error = e));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "big.jpg", contentType: "image/jpeg"));

        cut.WaitForAssertion(() => Assert.NotNull(error));
        Assert.False(called);
        Assert.Contains("limit", cut.Find("[role=alert]").TextContent);
    }
}

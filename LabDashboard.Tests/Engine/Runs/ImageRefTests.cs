using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

public class ImageRefTests
{
    [Fact]
    public void A_run_image_url_parses_back_into_its_run_name_and_epoch()
    {
        var url = ImageRef.UrlFor("3f9be8cadd65", "misclassified-4", 3);

        Assert.Equal(("3f9be8cadd65", "misclassified-4", 3), ImageRef.ParseUrl(url));
    }

    [Theory]
    [InlineData("/api/runs/r/images/grid")]
    [InlineData("/api/runs/r/images/grid/x")]
    [InlineData("/api/runs/r/images/grid/-1")]
    [InlineData("/api/cam/results/r/overlay.png")]
    [InlineData("https://example.org/api/runs/r/images/grid/3")]
    [InlineData("")]
    public void Other_urls_are_not_run_images(string url) => Assert.Null(ImageRef.ParseUrl(url));
}

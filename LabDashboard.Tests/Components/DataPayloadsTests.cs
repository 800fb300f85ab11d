using System.Text.Json;
using Bunit;
using LabDashboard.Web.Components.Shared;

namespace LabDashboard.Tests.Components;

public class DataPayloadsTests : LabComponentTest
{
    [Fact]
    public void A_payload_reads_as_labelled_rounded_rows_without_server_paths()
    {
        var model = JsonSerializer.SerializeToElement(new
        {
            folder = "/work/shared/data/models/abc",
            datasetRoot = "C:\\lab\\data\\cats",
            architecture = new { conv = new[] { 32, 64 }, dropout = 0.25 },
            samplesPerSec = 17142.66612,
            imageSize = 224,
        });

        var payloads = Render<DataPayloads>(p => p.Add(c => c.Data, new Dictionary<string, JsonElement> { ["model"] = model }));
        payloads.Find(".mud-expand-panel-header").Click();

        var markup = payloads.Markup;
        Assert.DoesNotContain("/work/", markup);
        Assert.DoesNotContain("cats", markup);
        Assert.DoesNotContain("{", payloads.Find("[data-testid=data-payloads]").TextContent);
        Assert.Contains("Image size", markup);
        Assert.Contains("17142.7", markup);
        Assert.Contains("32, 64", markup);
        Assert.Contains("Architecture · Dropout", markup);
    }
}

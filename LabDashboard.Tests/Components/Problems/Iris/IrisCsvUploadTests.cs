using Bunit;
using LabDashboard.Tests.Engine;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Problems.Iris;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Problems.Iris;

public sealed class IrisCsvUploadTests : LabComponentTest
{
    private readonly TempFolder _state = new();
    private string? _loaded;

    public IrisCsvUploadTests() => Services.AddSingleton(new LabPaths([], _state.Path));

    private IRenderedComponent<IrisCsvUpload> RenderUpload() =>
        Render<IrisCsvUpload>(p => p.Add(c => c.OnLoaded, (string uploadId) => _loaded = uploadId));

    [Fact]
    public void A_csv_of_the_right_shape_is_kept_and_its_upload_id_handed_on()
    {
        var cut = RenderUpload();
        var csv = string.Join('\n', File.ReadLines(TestData.Path("iris.csv")).Take(21));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "my iris.csv"));

        cut.WaitForAssertion(() => Assert.Contains("my iris.csv: 20", cut.Find("[data-testid=iris-csv-loaded]").TextContent));
        Assert.NotNull(_loaded);
        Assert.Matches("^my_iris-[0-9a-f]{12}$", _loaded);
        Assert.Equal(20, IrisUploads.Load(new LabPaths([], _state.Path), RunOwners.Local, _loaded!).Count);
    }

    [Fact]
    public void A_csv_of_another_shape_is_refused_naming_the_file_and_nothing_is_kept()
    {
        var cut = RenderUpload();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("a,b\n1,2\n", "other.csv"));

        cut.WaitForAssertion(() => Assert.Contains("other.csv", cut.Find("[role=alert]").TextContent));
        Assert.Contains("line 1", cut.Find("[role=alert]").TextContent);
        Assert.Null(_loaded);
        Assert.Empty(Directory.GetFiles(_state.Path, "*", SearchOption.AllDirectories));
    }

    protected override void Dispose(bool disposing)
    {
        _state.Dispose();
        base.Dispose(disposing);
    }
}

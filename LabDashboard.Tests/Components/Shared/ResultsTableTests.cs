using Bunit;
using LabDashboard.Engine.Problems;
using LabDashboard.Web.Components.Shared;

namespace LabDashboard.Tests.Components.Shared;

public class ResultsTableTests : LabComponentTest
{
    [Theory]
    [InlineData(2.0298841, "2.02988")]
    [InlineData(0.0, "0")]
    [InlineData(8.5831e-6, "8.5831e-6")]
    [InlineData(-1.5e-7, "-1.5e-7")]
    [InlineData(25_000_000.0, "2.5e+7")]
    [InlineData(0.93333, "0.93333")]
    [InlineData(17142.66612, "17142.7")]
    [InlineData(123456.78, "123457")]
    public void Numbers_read_as_people_write_them(double value, string shown) =>
        Assert.Equal(shown, ResultsTable.Format(value));

    [Fact]
    public void Rows_follow_the_specs_labels_and_unknown_results_follow_by_name()
    {
        var results = new Dictionary<string, double> { ["extra"] = 1, ["lambda"] = 8.5831e-6 };
        var specs = new List<MetricSpec> { new("lambda", "λ") };

        var table = Render<ResultsTable>(p => p.Add(c => c.Results, results).Add(c => c.Specs, specs));

        var rows = table.FindAll("tr").Select(r => r.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Contains(rows, r => r.StartsWith("λ") && r.EndsWith("8.5831e-6"));
        Assert.Contains(rows, r => r.StartsWith("extra") && r.EndsWith('1'));
    }
}

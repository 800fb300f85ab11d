using Bunit;
using LabDashboard.Engine.Problems.FashionCnn;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Web.Components.Problems.FashionCnn;
using LabDashboard.Web.Components.Problems.Iris;
using LabDashboard.Web.Components.Shared;

namespace LabDashboard.Tests.Components.Problems;

public class ClassificationViewsTests : LabComponentTest
{
    [Fact]
    public void ConfusionMatrix_shows_counts_by_true_row_and_predicted_column_with_class_accuracy()
    {
        IReadOnlyList<IReadOnlyList<int>> matrix = [[5, 1], [0, 4]];

        var view = Render<ConfusionMatrix>(p => p
            .Add(c => c.Classes, ["cat", "dog"])
            .Add(c => c.Matrix, matrix)
            .Add(c => c.PerClassAccuracy, [5 / 6.0, 1.0]));

        var cell = view.Find("td[data-row='0'][data-column='1']");
        Assert.Equal("1", cell.TextContent);
        Assert.Contains("218, 54, 51", cell.GetAttribute("style"));
        Assert.Contains("46, 160, 67", view.Find("td[data-row='1'][data-column='1']").GetAttribute("style"));
        Assert.Equal("", view.Find("td[data-row='1'][data-column='0']").GetAttribute("style"));
        Assert.Equal(["cat", "dog"], view.FindAll("tbody th").Select(th => th.TextContent));
        Assert.Equal(2, view.FindAll("[data-testid=class-accuracy]").Count);
    }

    [Fact]
    public void Iris_split_tables_list_original_row_numbers_and_mark_mistakes()
    {
        var rows = IrisTable.Load();
        var split = PandasSplit.Sample(rows.Count, 0.8, 42);
        var predicted = rows.Select(r => r.Species).ToArray();
        predicted[1] = 2;

        var view = Render<IrisSplitTables>(p => p.Add(c => c.Split, new IrisSplitData(split.Train, split.Test, rows)).Add(c => c.Predicted, predicted));

        var trainRows = view.FindAll("[data-testid=iris-train-table] tbody tr");
        Assert.Equal(120, trainRows.Count);
        Assert.Equal(["73", "18", "118"], trainRows.Take(3).Select(r => r.GetAttribute("data-row")));
        var testRows = view.FindAll("[data-testid=iris-test-table] tbody tr");
        Assert.Equal("1", testRows[0].GetAttribute("data-row"));
        Assert.Contains("mud-error-text", testRows[0].ClassName);
        Assert.DoesNotContain("mud-error-text", testRows[1].ClassName ?? "");
    }

    [Fact]
    public void Petal_scatter_draws_every_row_and_rings_mistakes()
    {
        var scatter = new IrisScatterData([0, 1, 2], [1.4f, 4.5f, 5.9f], [0.2f, 1.5f, 2.1f], [0, 1, 2], [0, 2, 2], [true, true, false], IrisTable.SpeciesNames);

        var view = Render<PetalScatter>(p => p.Add(c => c.Scatter, scatter));

        var points = view.FindAll("circle[data-row]");
        Assert.Equal(3, points.Count);
        Assert.Equal(["false", "true", "false"], points.Select(c => c.GetAttribute("data-mistake")));
        Assert.Equal("none", points[2].GetAttribute("fill"));
        Assert.Contains("mistake (1)", view.Markup);
    }

    [Fact]
    public void Misclassified_grid_puts_labels_in_html_beside_served_images()
    {
        var data = new MisclassifiedData(["T-shirt/top", "Trouser"], [new(7, 0, 1, "/api/runs/r/images/misclassified-0/3")], 120, 10000);

        var view = Render<MisclassifiedGrid>(p => p.Add(c => c.Data, data));

        var figure = view.Find("figure[data-test-index='7']");
        Assert.Equal("/api/runs/r/images/misclassified-0/3", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains("T-shirt/top", figure.TextContent);
        Assert.Contains("→ Trouser", figure.TextContent);
        Assert.Contains("120 / 10000", view.Markup);
    }

    [Fact]
    public void Misclassified_tiles_are_buttons_that_hand_their_sample_to_the_page_when_it_asks()
    {
        var sample = new MisclassifiedSample(7, 0, 1, "/api/runs/r/images/misclassified-0/3");
        var data = new MisclassifiedData(["T-shirt/top", "Trouser"], [sample], 120, 10000);
        MisclassifiedSample? picked = null;

        var plain = Render<MisclassifiedGrid>(p => p.Add(c => c.Data, data));
        var pickable = Render<MisclassifiedGrid>(p => p.Add(c => c.Data, data).Add(c => c.OnPick, s => picked = s));
        pickable.Find("[data-test-index='7'] button[data-testid=misclassified-pick]").Click();

        Assert.Empty(plain.FindAll("button"));
        Assert.Same(sample, picked);
        Assert.Contains("feature maps below", pickable.Markup);
    }
}

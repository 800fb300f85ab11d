using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Tests.Engine.Data;

namespace LabDashboard.Tests.Engine.Problems.Iris;

public class IrisTableTests
{
    [Fact]
    public void The_bundled_table_is_the_shared_iris_csv()
    {
        var bundled = IrisTable.Load();
        var shared = IrisTable.Load(TestData.Path("iris.csv"));

        Assert.Equal(150, bundled.Count);
        Assert.Equal(shared, bundled);
        Assert.All(Enumerable.Range(0, 3), s => Assert.Equal(50, bundled.Count(r => r.Species == s)));
        Assert.Equal(new IrisRow(0, 5.1f, 3.5f, 1.4f, 0.2f, 0), bundled[0]);
    }

    [Fact]
    public void A_bad_species_code_is_reported_with_file_and_line()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "mine.csv");
        File.WriteAllText(path, "SepalLength,SepalWidth,PetalLength,PetalWidth,Species\n5,3,1,0.2,0.0\n5,3,1,0.2,3.0\n");

        var error = Assert.Throws<DatasetFileException>(() => IrisTable.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void A_file_with_other_columns_is_refused()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "other.csv");
        File.WriteAllText(path, "a,b,c\n1,2,3\n");

        Assert.Contains("header", Assert.Throws<DatasetFileException>(() => IrisTable.Load(path)).Message);
    }
}

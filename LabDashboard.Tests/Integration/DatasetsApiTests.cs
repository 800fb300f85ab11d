using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LabDashboard.Tests.Integration;

[Collection(LabServerCollection.Name)]
public class DatasetsApiTests(LabServerFixture fixture)
{
    [Fact]
    public async Task Iris_split_endpoint_serves_pandas_rows_for_seed_42_and_frac_0_8()
    {
        using var http = fixture.Server.CreateClient();

        var json = await http.GetFromJsonAsync<JsonElement>("api/datasets/iris/split?seed=42&frac=0.8");

        var train = json.GetProperty("train").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var test = json.GetProperty("test").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal([73, 18, 118, 78, 76, 31, 64, 141, 68, 82], train.Take(10));
        Assert.Equal(120, train.Count);
        Assert.Equal([1, 14, 20, 21, 37], test.Take(5));
        Assert.Equal(30, test.Count);
    }

    [Theory]
    [InlineData("frac=0")]
    [InlineData("frac=1.5")]
    [InlineData("seed=-1")]
    public async Task Iris_split_endpoint_refuses_bad_values_with_problem_details(string query)
    {
        using var http = fixture.Server.CreateClient();

        using var response = await http.GetAsync($"api/datasets/iris/split?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(query.Split('=')[0], problem.GetProperty("detail").GetString());
    }
}

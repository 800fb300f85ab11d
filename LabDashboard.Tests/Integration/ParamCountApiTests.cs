using System.Net.Http.Json;
using System.Text.Json;

namespace LabDashboard.Tests.Integration;

[Collection(LabServerCollection.Name)]
public class ParamCountApiTests(LabServerFixture fixture)
{
    [Fact]
    public async Task Pairs_endpoint_serves_the_five_totals_and_answers_as_camelCase_JSON()
    {
        using var http = fixture.Server.CreateClient();

        var json = await http.GetFromJsonAsync<JsonElement>("api/problems/param-count/pairs");

        var pairs = json.EnumerateArray().Select(p => (
            p.GetProperty("pair").GetInt32(),
            p.GetProperty("firstTotal").GetInt64(),
            p.GetProperty("secondTotal").GetInt64(),
            p.GetProperty("answer").GetString())).ToList();
        Assert.Equal([(1, 10L, 11L, "net2"), (2, 61L, 61L, "same"), (3, 10L, 26L, "conv2"), (4, 20L, 10L, "conv1"), (5, 20L, 20L, "same")], pairs);
        Assert.Equal(("net1", "net2"), (json[0].GetProperty("first").GetString(), json[0].GetProperty("second").GetString()));
    }
}

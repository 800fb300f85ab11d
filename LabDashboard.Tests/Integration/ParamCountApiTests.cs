using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration;

public class ParamCountApiTests
{
    [Fact]
    public async Task Pairs_endpoint_serves_the_five_totals_and_answers_as_camelCase_JSON()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapParamCountApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var json = await http.GetFromJsonAsync<JsonElement>(ParamCountApi.PairsPath);

        var pairs = json.EnumerateArray().Select(p => (
            p.GetProperty("pair").GetInt32(),
            p.GetProperty("firstTotal").GetInt64(),
            p.GetProperty("secondTotal").GetInt64(),
            p.GetProperty("answer").GetString())).ToList();
        Assert.Equal([(1, 10L, 11L, "net2"), (2, 61L, 61L, "same"), (3, 10L, 26L, "conv2"), (4, 20L, 10L, "conv1"), (5, 20L, 20L, "same")], pairs);
        Assert.Equal("net1", json[0].GetProperty("first").GetString());
    }
}

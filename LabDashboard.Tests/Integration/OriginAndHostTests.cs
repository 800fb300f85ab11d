using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration;

/// <summary>Issue 14: pages of other sites and foreign Host names cannot drive the dashboard; scripts without an Origin still can.</summary>
[Collection(LabServerCollection.Name)]
public class OriginAndHostTests(LabServerFixture fixture)
{
    private const string Foreign = "https://evil.example";

    private LabServer Server => fixture.Server;

    private string OwnOrigin => Server.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_raw_websocket_to_the_hub_with_a_foreign_origin_is_refused_but_the_apps_own_origin_is_accepted()
    {
        var hubUrl = new Uri(new Uri(Server.BaseAddress.ToString().Replace("http", "ws")), "hubs/training");

        using var foreign = new ClientWebSocket();
        foreign.Options.SetRequestHeader("Origin", Foreign);
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(hubUrl, CancellationToken.None));
        Assert.Contains("403", refused.Message);

        using var own = new ClientWebSocket();
        own.Options.SetRequestHeader("Origin", OwnOrigin);
        await own.ConnectAsync(hubUrl, CancellationToken.None);
        await own.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[256];
        var handshake = await own.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, handshake.Count));
    }

    [Fact]
    public async Task The_SignalR_client_cannot_negotiate_with_a_foreign_origin_but_connects_without_one()
    {
        var foreign = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "hubs/training"), o => o.Headers["Origin"] = Foreign)
            .Build();
        await using (foreign)
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => foreign.StartAsync());
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await using var plain = await Server.ConnectHubAsync();
        Assert.Equal(HubConnectionState.Connected, plain.State);
    }

    [Fact]
    public async Task Starting_deleting_uploading_and_explaining_from_a_foreign_origin_are_refused_and_change_nothing()
    {
        using var http = Server.CreateClient();
        var finished = await StartAndFinishAsync(http);
        var runsBefore = Server.Runs.List().Count;
        var uploadsBefore = Uploads();

        var responses = new[]
        {
            await SendAsync(http, HttpMethod.Post, "api/runs", JsonContent.Create(new { problemId = "exp-mle" }), Foreign),
            await SendAsync(http, HttpMethod.Delete, $"api/runs/{finished}", null, Foreign),
            await SendAsync(http, HttpMethod.Post, "api/datasets/iris/uploads", IrisCsvForm(), Foreign),
            await SendAsync(http, HttpMethod.Post, "api/cam", ImageForm(), Foreign),
            await SendAsync(http, HttpMethod.Post, "api/runs", JsonContent.Create(new { problemId = "exp-mle" }), "null"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(runsBefore, Server.Runs.List().Count);
        Assert.NotNull(Server.Runs.Get(finished));
        Assert.Equal(uploadsBefore, Uploads());
    }

    private int Uploads()
    {
        var folder = Path.Combine(Server.StateRoot, "iris", "uploads");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    [Fact]
    public async Task Requests_from_the_apps_own_origin_or_without_an_origin_still_start_and_delete_runs()
    {
        using var http = Server.CreateClient();

        var own = await SendAsync(http, HttpMethod.Post, "api/runs", JsonContent.Create(new { problemId = "exp-mle", settings = new { steps = 20, reportEvery = 10 } }), OwnOrigin);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var finished = await StartAndFinishAsync(http);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(http, HttpMethod.Delete, $"api/runs/{finished}", null, OwnOrigin)).StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:80")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task A_foreign_host_name_is_refused_against_dns_rebinding(string host)
    {
        using var http = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/problems");
        request.Headers.Host = host;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Loopback_host_names_are_accepted()
    {
        using var http = Server.CreateClient();
        foreach (var host in new[] { "localhost", "127.0.0.1", "[::1]" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/problems");
            request.Headers.Host = $"{host}:{Server.BaseAddress.Port}";
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/problems")]
    [InlineData("api/runs/no-such-run")]
    public async Task Pages_and_answers_carry_the_security_headers(string path)
    {
        using var http = Server.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("frame-ancestors 'self'", Header(response, "Content-Security-Policy"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Allowed_hosts_and_origins_are_configurable()
    {
        await using var server = await LabServer.StartAsync(null, new LabServerOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["AllowedHosts"] = "lab.example.edu;127.0.0.1",
                ["Security:AllowedOrigins:0"] = "https://lab.example.edu",
            },
        });
        using var http = server.CreateClient();

        using var named = new HttpRequestMessage(HttpMethod.Get, "api/problems") { Headers = { Host = "lab.example.edu" } };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(named)).StatusCode);
        using var localhost = new HttpRequestMessage(HttpMethod.Get, "api/problems") { Headers = { Host = "localhost" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(localhost)).StatusCode);
        var start = JsonContent.Create(new { problemId = "exp-mle", settings = new { steps = 20, reportEvery = 10 } });
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(http, HttpMethod.Post, "api/runs", start, "https://lab.example.edu")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, HttpMethod.Post, "api/runs", JsonContent.Create(new { problemId = "exp-mle" }), Foreign)).StatusCode);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? content, string origin)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Origin", origin);
        return await http.SendAsync(request);
    }

    /// <summary>A valid iris CSV no other test uploads (trailing blank lines change its id), so a stored copy would be seen.</summary>
    private static MultipartFormDataContent IrisCsvForm()
    {
        var csv = string.Join('\n', File.ReadLines(TestData.Path("iris.csv")).Take(21)) + new string('\n', Random.Shared.Next(1, 100_000));
        return new() { { new StringContent(csv), "file", "iris.csv" } };
    }

    private static MultipartFormDataContent ImageForm() => new()
    {
        { new ByteArrayContent(BadImages.TextNamedJpg()), "image", "photo.jpg" },
    };

    private async Task<string> StartAndFinishAsync(HttpClient http)
    {
        var start = await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 20, reportEvery = 10 } });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var _ in Server.Runs.Watch(runId, 0, timeout.Token)) { }
        return runId;
    }
}

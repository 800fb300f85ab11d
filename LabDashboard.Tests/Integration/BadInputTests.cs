using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration;

/// <summary>Issue 14: input that used to raise a 500 (or be silently replaced) is a 4xx naming what is wrong.</summary>
[Collection(LabServerCollection.Name)]
public class BadInputTests(LabServerFixture fixture)
{
    private LabServer Server => fixture.Server;

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"problemId": null}""")]
    [InlineData("""{"problemId": " ", "settings": {}}""")]
    public async Task Starting_a_run_without_a_problem_id_is_a_400_naming_problemId(string body)
    {
        using var http = Server.CreateClient();

        using var response = await http.PostAsync("api/runs", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("problemId", out _));
    }

    [Theory]
    [InlineData("POST", "api/runs", "null", "body", "must be a JSON object")]
    [InlineData("POST", "api/runs", "[]", "body", "must be a JSON object")]
    [InlineData("POST", "api/runs", "garbage", "body", "not valid JSON")]
    [InlineData("POST", "api/runs", """{"problemId": 5}""", "problemId", "problemId must be a string")]
    [InlineData("POST", "api/runs", """{"problemId": "iris", "settings": {}""", "body", "not valid JSON")]
    [InlineData("PATCH", "api/runs/no-such-run", """{"name": 5}""", "name", "name must be a string")]
    [InlineData("PATCH", "api/runs/no-such-run", """{"tags": "a"}""", "tags", "tags must be an array")]
    [InlineData("POST", "api/exam", "[]", "body", "must be a JSON object")]
    [InlineData("POST", "api/exam", "{", "body", "not valid JSON")]
    public async Task A_malformed_json_body_is_a_400_saying_what_is_wrong(string method, string url, string body, string named, string expected)
    {
        using var http = Server.CreateClient();

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(named, out _), problem.ToString());
    }

    [Fact]
    public async Task StartRun_without_a_problem_id_is_a_hub_error_saying_so()
    {
        await using var hub = await Server.ConnectHubAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("StartRun", null, null));

        Assert.Contains("problemId is required", error.Message);
    }

    [Fact]
    public async Task A_multipart_body_without_its_closing_boundary_is_a_400()
    {
        using var http = Server.CreateClient();
        var body = "--XX\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nnot all of a photo";
        var content = new StringContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XX");

        using var response = await http.PostAsync("api/cam", content);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("api/cam/models/a.b/gallery")]
    [InlineData("api/cam/models/a%20b/gallery")]
    public async Task A_gallery_of_a_malformed_run_id_is_a_404(string path)
    {
        using var http = Server.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("alpha", "NaN", "0 to 1")]
    [InlineData("alpha", "-5", "0 to 1")]
    [InlineData("alpha", "abc", "0 to 1")]
    [InlineData("alpha", "Infinity", "0 to 1")]
    [InlineData("alpha", "1.5", "0 to 1")]
    [InlineData("colormap", "rainbow", "magma, jet, viridis, bwr")]
    [InlineData("method", "lime", "cam, grad-cam")]
    [InlineData("runId", "a.b", "letters, digits")]
    public async Task Cam_parameters_out_of_their_range_are_a_400_naming_the_parameter_and_the_accepted_values(string name, string value, string accepted)
    {
        using var http = Server.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(BadImages.TextNamedJpg()), "image", "photo.jpg" },
            { new StringContent(value), name },
        };

        using var response = await http.PostAsync("api/cam", form);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(name, out _), problem.ToString());
        Assert.Contains(accepted, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("fashion-cnn", "layers", "banana(3)", "Unknown layer")]
    [InlineData("fashion-cnn", "layers", "conv(16,5) relu flatten", "10 outputs")]
    [InlineData("fashion-cnn", "layers", "megabyte", "at most 4096")]
    [InlineData("iris", "dataFile", "/etc/shadow", "not a path")]
    [InlineData("iris", "dataFile", "../../labdashboard.db", "not a path")]
    [InlineData("iris", "dataFile", "iris-0123456789ab", "no uploaded iris CSV")]
    public async Task Free_text_settings_are_checked_when_submitted_and_no_run_is_created(string problemId, string setting, string value, string expected)
    {
        using var http = Server.CreateClient();
        if (value == "megabyte") value = "conv(16,5) " + new string(' ', 1024 * 1024) + "relu";
        var runsBefore = Server.Runs.List(problemId).Count;

        using var response = await http.PostAsJsonAsync("api/runs", new { problemId, settings = new Dictionary<string, object> { [setting] = value } });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"'{setting}'", detail);
        Assert.Contains(expected, detail);
        Assert.Equal(runsBefore, Server.Runs.List(problemId).Count);
    }

    [Theory]
    [InlineData("iris", """{"hidden": "x100000"}""", "hidden", "at most 8")]
    [InlineData("fashion-cnn", """{"architecture": "custom", "layers": "conv(4096,1) relu maxpool(28) flatten linear(10)"}""", "layers", "values per image")]
    [InlineData("fashion-cnn", """{"architecture": "custom", "layers": "conv(512,3) relu flatten linear(10)", "batchSize": 8192}""", "batchSize", "lower the batch size")]
    [InlineData("resnet-cam", """{"trainBackbone": true, "imageSize": "512", "batchSize": 1024}""", "batchSize", "lower the batch size to 32")]
    public async Task Settings_that_would_take_the_servers_memory_are_refused_when_submitted(string problemId, string settings, string setting, string expected)
    {
        using var http = Server.CreateClient();
        // 100,000 hidden layers of 1024 (about 400 GB of weights) once took the server's memory within seconds.
        settings = settings.Replace("\"x100000\"", "[" + string.Join(",", Enumerable.Repeat(1024, 100_000)) + "]");
        var runsBefore = Server.Runs.List(problemId).Count;

        using var response = await http.PostAsync("api/runs", JsonContent.Create(new { problemId, settings = JsonDocument.Parse(settings).RootElement }));

        var detail = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        Assert.Contains($"'{setting}'", detail);
        Assert.Contains(expected, detail);
        Assert.Equal(runsBefore, Server.Runs.List(problemId).Count);
    }

    [Fact]
    public async Task The_hub_refuses_a_bad_layer_stack_naming_the_setting()
    {
        await using var hub = await Server.ConnectHubAsync();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            hub.InvokeAsync<string>("StartRun", "fashion-cnn", JsonDocument.Parse("""{"architecture": "custom", "layers": "banana(3)"}""").RootElement));

        Assert.Contains("'layers'", error.Message);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }
}

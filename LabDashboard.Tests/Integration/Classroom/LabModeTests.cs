using System.Net;
using System.Net.Http.Json;
using LabDashboard.Web;
using LabDashboard.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>Issue 14: the mode is chosen by where the app listens; on loopback nothing asks for an account.</summary>
[Collection(LabServerCollection.Name)]
public class LabModeTests(LabServerFixture fixture)
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://localhost:5081", false)]
    [InlineData("http://0.0.0.0:5080", true)]
    [InlineData("http://*:5080", true)]
    [InlineData("http://+:5080", true)]
    [InlineData("http://[::]:5080", true)]
    [InlineData("http://lab-pc.example.edu:5080", true)]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.20:5080", true)]
    public void Listening_beyond_loopback_turns_classroom_mode_on(string urls, bool classroom)
    {
        Assert.Equal(classroom, ModeOf(new() { ["urls"] = urls }).Classroom);
        if (!urls.Contains(';')) Assert.Equal(classroom, ModeOf(new() { ["Kestrel:Endpoints:Http:Url"] = urls }).Classroom);
    }

    [Fact]
    public void Classroom_Enabled_turns_it_on_even_on_loopback_and_the_default_is_off()
    {
        Assert.False(ModeOf([]).Classroom);
        Assert.True(ModeOf(new() { ["urls"] = "http://127.0.0.1:5080", ["Classroom:Enabled"] = "true" }).Classroom);
    }

    [Fact]
    public async Task An_app_told_to_listen_on_every_address_requires_sign_in()
    {
        var state = Path.Combine(Path.GetTempPath(), "labdashboard-tests", "state-" + Guid.NewGuid().ToString("N"));
        await using var app = LabDashboardApp.Build(["--urls", "http://0.0.0.0:0", "--State:Root", state]);
        Assert.True(app.Services.GetRequiredService<LabMode>().Classroom);
    }

    [Fact]
    public async Task On_loopback_nobody_signs_in_and_the_account_api_is_not_there()
    {
        using var http = fixture.Server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/runs")).StatusCode);
        var login = await http.PostAsJsonAsync("api/auth/login", new { email = "a@b.c", password = "12345678" });
        Assert.Contains(login.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Contains("nobody needs to sign in", await http.GetStringAsync("signin"));
    }

    [Theory]
    [InlineData("/runs", "/runs")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    public async Task Switching_the_language_goes_back_only_to_a_page_of_this_site(string back, string expected)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseAddress };
        var response = await http.GetAsync($"culture/ko?redirectUri={Uri.EscapeDataString(back)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    private static LabMode ModeOf(Dictionary<string, string?> settings) =>
        LabMode.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}

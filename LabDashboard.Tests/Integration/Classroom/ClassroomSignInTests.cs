using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>Issue 14: in classroom mode everything but the sign-in pages, static files and <c>/api/auth</c> needs an account.</summary>
[Collection(ClassroomServerCollection.Name)]
public class ClassroomSignInTests(ClassroomServerFixture fixture)
{
    private LabServer Server => fixture.Server;

    [Fact]
    public async Task Registration_needs_the_join_code()
    {
        using var http = Server.CreateClient();
        var body = new { email = "mallory@example.edu", password = ClassroomServerFixture.Password };

        var missing = await http.PostAsJsonAsync("api/auth/register", body);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("joinCode", out _));
        var wrong = await http.PostAsJsonAsync("api/auth/register?joinCode=guess", body);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);

        var login = await http.PostAsJsonAsync("api/auth/login?useCookies=false", body);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Calls_without_an_account_get_401_pages_redirect_to_sign_in_and_static_files_are_served()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/problems")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("api/exam", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/auth/manage/info")).StatusCode);
        using (var bearer = new HttpRequestMessage(HttpMethod.Get, "api/runs"))
        {
            bearer.Headers.Authorization = new("Bearer", "not-a-token");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(bearer)).StatusCode);
        }
        Assert.DoesNotContain(Server.Runs.List(), r => r.Owner == RunOwners.Local);

        await using (var hub = new HubConnectionBuilder().WithUrl(new Uri(Server.BaseAddress, "hubs/training")).Build())
            Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync())).StatusCode);

        foreach (var page in new[] { "", "runs", "problems/exp-mle", "class" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            request.Headers.Accept.ParseAdd("text/html");
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/signin?ReturnUrl={Uri.EscapeDataString("/" + page)}", response.Headers.Location?.PathAndQuery);
        }
        foreach (var open in new[] { "signin", "register", "app.css", "_framework/blazor.web.js", "_content/MudBlazor/MudBlazor.min.css" })
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(open)).StatusCode);
    }

    [Fact]
    public async Task The_account_pages_speak_Korean_to_a_Korean_browser()
    {
        using var http = BrowserForms.Browser(Server);
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");

        var signIn = WebUtility.HtmlDecode(await BrowserForms.PageAsync(http, "signin?error=Failed"));
        Assert.Contains("로그인", signIn);
        Assert.Contains("이메일 또는 비밀번호가 틀렸습니다.", signIn);
        var register = WebUtility.HtmlDecode(await BrowserForms.PageAsync(http, "register"));
        Assert.Contains("참여 코드 (강사에게 받은 코드)", register);
        Assert.Contains("비밀번호 (8자 이상)", register);
    }

    [Fact]
    public async Task The_register_and_sign_in_forms_set_a_cookie_that_opens_the_pages_and_the_api()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = Server.BaseAddress };
        const string email = "browser@example.edu";

        var wrongCode = await BrowserForms.PostAsync(http, "register", "/account/register",
            new() { ["Email"] = email, ["Password"] = ClassroomServerFixture.Password, ["JoinCode"] = "guess" });
        Assert.StartsWith("/register?error=JoinCode", wrongCode.Headers.Location?.OriginalString);
        var registered = await BrowserForms.PostAsync(http, "register", "/account/register",
            new() { ["Email"] = email, ["Password"] = ClassroomServerFixture.Password, ["JoinCode"] = ClassroomServerFixture.JoinCode, ["ReturnUrl"] = "/runs" });
        Assert.Equal("/runs", registered.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/runs")).StatusCode);

        Assert.Equal("/signin", (await BrowserForms.PostAsync(http, "", "/account/signout", [])).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/runs")).StatusCode);

        var wrongPassword = await BrowserForms.PostAsync(http, "signin", "/account/signin", new() { ["Email"] = email, ["Password"] = "wrong password" });
        Assert.StartsWith("/signin?error=Failed", wrongPassword.Headers.Location?.OriginalString);
        var signedIn = await BrowserForms.PostAsync(http, "signin", "/account/signin",
            new() { ["Email"] = email, ["Password"] = ClassroomServerFixture.Password, ["ReturnUrl"] = "https://evil.example/" });
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/runs")).StatusCode);
        using var home = new HttpRequestMessage(HttpMethod.Get, "");
        home.Headers.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(home)).StatusCode);
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>The account pages' forms, posted as a browser posts them (cookies kept, redirects not followed).</summary>
internal static partial class BrowserForms
{
    /// <summary>A client with its own cookie jar that does not follow redirects.</summary>
    public static HttpClient Browser(LabServer server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseAddress };

    /// <summary>A browser signed in through the sign-in page.</summary>
    public static async Task<HttpClient> SignedInAsync(LabServer server, string email)
    {
        var http = Browser(server);
        var response = await PostAsync(http, "signin", "/account/signin", new() { ["Email"] = email, ["Password"] = ClassroomServerFixture.Password });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return http;
    }

    /// <summary>A page's HTML as the browser gets it (prerendered).</summary>
    public static async Task<string> PageAsync(HttpClient http, string page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form with the antiforgery token of the page it is on (the home page for sign-out).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string page, string action, Dictionary<string, string> fields)
    {
        var html = await PageAsync(http, page);
        fields["__RequestVerificationToken"] = TokenField().Match(html) is { Success: true } token
            ? WebUtility.HtmlDecode(token.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on /{page}.");
        return await http.PostAsync(action.TrimStart('/'), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

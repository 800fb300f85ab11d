using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LabDashboard.Tests.Integration;

/// <summary>Starts runs over REST as scripts do (<c>POST /api/runs</c>).</summary>
internal static class RunsRest
{
    /// <summary>Starts <paramref name="problemId"/> with <paramref name="settings"/> (JSON); asserts 201 and returns the new run's id.</summary>
    public static async Task<string> StartAsync(HttpClient http, string problemId, string settings)
    {
        using var start = await http.PostAsJsonAsync("api/runs", new { problemId, settings = JsonDocument.Parse(settings).RootElement });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        return (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
    }
}

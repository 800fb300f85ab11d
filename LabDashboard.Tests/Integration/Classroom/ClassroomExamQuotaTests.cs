using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>Issue 14: an exam that would pass a student's quota is a 429 naming it (as <c>POST /api/runs</c> is), and leaves no run of it live.</summary>
public class ClassroomExamQuotaTests
{
    [Fact]
    public async Task An_exam_past_the_epoch_budget_is_a_429_naming_it_and_the_runs_it_started_are_cancelled()
    {
        // Ten units of work: conv-einsum and param-count (one each) fit, the first problem with epochs or steps does not.
        await using var server = await ClassroomServerFixture.StartAsync(new Dictionary<string, string?> { ["Quotas:MaxEpochBudgetPerUser"] = "10" });
        var student = await ClassroomServerFixture.SignUpAsync(server, "exam-quota@example.edu");

        using var refused = await student.Http.PostAsJsonAsync("api/exam", new { });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Quotas:MaxEpochBudgetPerUser", problem.GetProperty("limit").GetString());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await student.Http.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray().Any(r => r.GetProperty("status").GetString() is "queued" or "running" or "paused"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the exam's started runs are still live a minute after its 429");
            await Task.Delay(100);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LabDashboard.Tests.Integration.Classroom;

[Collection(ClassroomServerCollection.Name)]
public class ClassroomQuotaTests(ClassroomServerFixture fixture)
{
    [Fact]
    public async Task A_signed_in_student_past_the_epoch_budget_gets_a_429_naming_it_and_another_student_does_not()
    {
        var student = await fixture.SignUpAsync("quota-c@example.edu");
        var started = new List<string>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var created = await student.Http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 100000 } });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                started.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!);
            }

            var refused = await student.Http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 100000 } });
            var other = await fixture.StudentB.Http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 20 } });

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Quotas:MaxEpochBudgetPerUser", problem.GetProperty("limit").GetString());
            Assert.Contains("300000", problem.GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        }
        finally
        {
            foreach (var runId in started) await fixture.Server.Runs.CancelAsync(runId);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Web;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>Issue 14: students see and control only their own runs (another's is an unknown run: 404, false, "Unknown run"); the instructor all.</summary>
[Collection(ClassroomServerCollection.Name)]
public class ClassroomOwnershipTests(ClassroomServerFixture fixture)
{
    private ClassroomAccount A => fixture.StudentA;
    private ClassroomAccount B => fixture.StudentB;
    private ClassroomAccount Instructor => fixture.Instructor;

    [Fact]
    public async Task Another_students_finished_run_is_unknown_on_every_endpoint_the_hub_and_the_list_while_the_instructor_sees_it()
    {
        var created = await A.Http.PostAsJsonAsync("api/runs", new { problemId = "conv-einsum" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var runId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        await using (var hubA = await A.ConnectHubAsync())
            Assert.Equal(RunEventKinds.Finished, (await hubA.WatchToEndAsync(runId))[^1].Kind);

        string[] reads = [$"api/runs/{runId}", $"api/runs/{runId}/metrics.csv", $"api/runs/{runId}/points", $"api/runs/{runId}/images/input/0", $"api/cam/models/{runId}/gallery"];
        foreach (var url in reads)
        {
            Assert.Equal(HttpStatusCode.OK, (await A.Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Instructor.Http.GetAsync(url)).StatusCode);
            var refused = await B.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains(runId, await ListedAsync(A));
        Assert.Contains(runId, await ListedAsync(Instructor));
        Assert.DoesNotContain(runId, await ListedAsync(B));

        await using (var hubB = await B.ConnectHubAsync())
        {
            var watch = await Assert.ThrowsAsync<HubException>(() => hubB.WatchToEndAsync(runId));
            Assert.Contains("Unknown run", watch.Message);
        }
        await using (var hubInstructor = await Instructor.ConnectHubAsync())
            Assert.Equal(RunEventKinds.Finished, (await hubInstructor.WatchToEndAsync(runId))[^1].Kind);

        Assert.Equal(HttpStatusCode.NotFound, (await B.Http.DeleteAsync($"api/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await A.Http.GetAsync($"api/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Instructor.Http.DeleteAsync($"api/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await A.Http.GetAsync($"api/runs/{runId}")).StatusCode);
    }

    [Fact]
    public async Task Another_students_live_run_cannot_be_paused_resumed_cancelled_or_deleted_but_the_instructor_steers_it()
    {
        // The browser's way of passing the token to the hub: the access_token query parameter.
        await using var hubA = new HubConnectionBuilder()
            .WithUrl(new Uri(A.BaseAddress, $"hubs/training?access_token={Uri.EscapeDataString(A.Token)}"))
            .AddJsonProtocol(o => LabJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await hubA.StartAsync();
        var runId = await hubA.InvokeAsync<string>("StartRun", "exp-mle", JsonDocument.Parse("""{"steps": 100000, "reportEvery": 100}""").RootElement);
        await hubA.WatchUntilAsync(runId, 0, e => e.Kind == RunEventKinds.Epoch);

        await using (var hubB = await B.ConnectHubAsync())
        {
            Assert.False(await hubB.InvokeAsync<bool>("PauseRun", runId));
            Assert.False(await hubB.InvokeAsync<bool>("CancelRun", runId));
            Assert.False(await hubB.InvokeAsync<bool>("ResumeRun", runId));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await B.Http.DeleteAsync($"api/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await A.Http.DeleteAsync($"api/runs/{runId}")).StatusCode);
        Assert.Equal("running", await StatusAsync(A, runId));

        await using var hubInstructor = await Instructor.ConnectHubAsync();
        Assert.True(await hubInstructor.InvokeAsync<bool>("PauseRun", runId));
        await WaitForStatusAsync(A, runId, "paused");
        await using (var hubB = await B.ConnectHubAsync())
            Assert.False(await hubB.InvokeAsync<bool>("ResumeRun", runId));
        Assert.Equal("paused", await StatusAsync(A, runId));
        Assert.True(await hubInstructor.InvokeAsync<bool>("ResumeRun", runId));
        Assert.True(await hubInstructor.InvokeAsync<bool>("CancelRun", runId));
        Assert.Equal(RunOutcome.Cancelled, (await hubA.WatchToEndAsync(runId))[^1].Outcome);
    }

    [Fact]
    public async Task A_cancelled_run_is_restarted_with_its_settings_for_its_owner_by_the_owner_or_the_instructor_and_is_unknown_to_another_student()
    {
        await using var hubA = await A.ConnectHubAsync();
        var runId = await hubA.InvokeAsync<string>("StartRun", "exp-mle", JsonDocument.Parse("""{"steps": 100000, "reportEvery": 100, "seed": 7}""").RootElement);
        Assert.Equal(HttpStatusCode.Conflict, (await A.Http.PostAsync($"api/runs/{runId}/restart", null)).StatusCode);
        Assert.True(await hubA.InvokeAsync<bool>("CancelRun", runId));
        await hubA.WatchToEndAsync(runId);

        var refused = await B.Http.PostAsync($"api/runs/{runId}/restart", null);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        foreach (var restarter in new[] { A, Instructor })
        {
            var restarted = await restarter.Http.PostAsync($"api/runs/{runId}/restart", null);
            Assert.Equal(HttpStatusCode.Created, restarted.StatusCode);
            var newRunId = (await restarted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
            try
            {
                var original = await A.Http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
                var copy = await A.Http.GetFromJsonAsync<JsonElement>($"api/runs/{newRunId}");
                Assert.NotEqual(runId, newRunId);
                Assert.Equal("exp-mle", copy.GetProperty("summary").GetProperty("problemId").GetString());
                Assert.Equal(original.GetProperty("summary").GetProperty("owner").GetString(), copy.GetProperty("summary").GetProperty("owner").GetString());
                Assert.Equal(original.GetProperty("settings").GetRawText(), copy.GetProperty("settings").GetRawText());
                Assert.Equal(HttpStatusCode.NotFound, (await B.Http.GetAsync($"api/runs/{newRunId}")).StatusCode);
            }
            finally
            {
                await hubA.InvokeAsync<bool>("CancelRun", newRunId);
            }
        }
    }

    [Fact]
    public async Task An_exam_sheet_is_its_owners_and_the_instructors()
    {
        // A student of its own: the exam's eight runs must fit the quotas whatever other tests left live for A.
        var owner = await fixture.SignUpAsync("exam-owner@example.edu");
        var started = await owner.Http.PostAsJsonAsync("api/exam", new { });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var examId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("examId").GetString()!;
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"api/exam/{examId}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Instructor.Http.GetAsync($"api/exam/{examId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await B.Http.GetAsync($"api/exam/{examId}")).StatusCode);
            var runs = await ListedAsync(owner);
            Assert.True(runs.Count >= 8);
            Assert.Empty(runs.Intersect(await ListedAsync(B)));
        }
        finally
        {
            await using var hubA = await owner.ConnectHubAsync();
            var sheet = await owner.Http.GetFromJsonAsync<JsonElement>($"api/exam/{examId}");
            foreach (var question in sheet.GetProperty("questions").EnumerateArray())
                await hubA.InvokeAsync<bool>("CancelRun", question.GetProperty("runId").GetString());
        }
    }

    private static async Task<List<string>> ListedAsync(ClassroomAccount account) =>
        [.. (await account.Http.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray().Select(r => r.GetProperty("runId").GetString()!)];

    private static async Task<string> StatusAsync(ClassroomAccount account, string runId) =>
        (await account.Http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}")).GetProperty("summary").GetProperty("status").GetString()!;

    private static async Task WaitForStatusAsync(ClassroomAccount account, string runId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await StatusAsync(account, runId) != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"run {runId} never became {status}");
            await Task.Delay(100);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>A listed instructor e-mail is not enough to become the instructor (e-mails are not confirmed): registering it needs the instructor code.</summary>
[Collection(ClassroomServerCollection.Name)]
public class ClassroomInstructorTests(ClassroomServerFixture fixture)
{
    [Fact]
    public async Task A_student_registering_a_listed_instructor_email_with_the_join_code_is_refused_and_the_instructor_code_makes_the_instructor()
    {
        var runId = await StartRunAsync(fixture.StudentA);
        using var anonymous = fixture.Server.CreateClient();
        var account = new { email = ClassroomServerFixture.AssistantEmail, password = ClassroomServerFixture.Password };

        using var squatted = await anonymous.PostAsJsonAsync($"api/auth/register?joinCode={ClassroomServerFixture.JoinCode}", account);
        Assert.Equal(HttpStatusCode.Forbidden, squatted.StatusCode);
        Assert.Equal("application/problem+json", squatted.Content.Headers.ContentType?.MediaType);
        Assert.Contains("instructor code", (await squatted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        using var squatterLogin = await anonymous.PostAsJsonAsync("api/auth/login?useCookies=false", account);
        Assert.Equal(HttpStatusCode.Unauthorized, squatterLogin.StatusCode);

        var assistant = await ClassroomServerFixture.SignUpAsync(fixture.Server, ClassroomServerFixture.AssistantEmail, ClassroomServerFixture.InstructorCode);
        Assert.Contains(runId, await ListedAsync(assistant));
        Assert.False(await ClassViewRefusedAsync(assistant));
        Assert.True(await ClassViewRefusedAsync(fixture.StudentB));
    }

    [Fact]
    public async Task The_register_form_refuses_a_listed_instructor_email_with_the_join_code_and_takes_the_instructor_code()
    {
        using var http = BrowserForms.Browser(fixture.Server);
        Dictionary<string, string> Form(string code) => new() { ["Email"] = ClassroomServerFixture.TutorEmail, ["Password"] = ClassroomServerFixture.Password, ["JoinCode"] = code };

        var squatted = await BrowserForms.PostAsync(http, "register", "/account/register", Form(ClassroomServerFixture.JoinCode));
        Assert.StartsWith("/register?error=InstructorCode", squatted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/runs")).StatusCode);

        var registered = await BrowserForms.PostAsync(http, "register", "/account/register", Form(ClassroomServerFixture.InstructorCode));
        Assert.Equal("/", registered.Headers.Location?.OriginalString);
        Assert.DoesNotContain("class-instructors-only", await BrowserForms.PageAsync(http, "class"));
    }

    [Fact]
    public async Task An_account_whose_email_is_listed_only_later_does_not_become_an_instructor()
    {
        const string Late = "late@example.edu";
        var state = Path.Combine(Path.GetTempPath(), "labdashboard-tests", "state-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var before = await ClassroomServerFixture.StartAsync(stateRoot: state))
                await ClassroomServerFixture.SignUpAsync(before, Late);
            await using var after = await ClassroomServerFixture.StartAsync(new Dictionary<string, string?> { ["Classroom:Instructors:3"] = Late }, state);
            var other = await ClassroomServerFixture.SignUpAsync(after, "other@example.edu");
            var runId = await StartRunAsync(other);

            var late = await ClassroomServerFixture.LogInAsync(after, Late);
            Assert.DoesNotContain(runId, await ListedAsync(late));
            Assert.True(await ClassViewRefusedAsync(late));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static async Task<string> StartRunAsync(ClassroomAccount account)
    {
        using var created = await account.Http.PostAsJsonAsync("api/runs", new { problemId = "conv-einsum" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
    }

    private static async Task<List<string>> ListedAsync(ClassroomAccount account) =>
        [.. (await account.Http.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray().Select(r => r.GetProperty("runId").GetString()!)];

    private static async Task<bool> ClassViewRefusedAsync(ClassroomAccount account)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "class");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await account.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Contains("class-instructors-only");
    }

    [Fact]
    public async Task A_server_whose_instructor_code_is_its_join_code_does_not_start()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            ClassroomServerFixture.StartAsync(new Dictionary<string, string?> { ["Classroom:InstructorCode"] = ClassroomServerFixture.JoinCode }));

        Assert.Contains("Classroom:InstructorCode must differ from Classroom:JoinCode", error.Message);
    }
}

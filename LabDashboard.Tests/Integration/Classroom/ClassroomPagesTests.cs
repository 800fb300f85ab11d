using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>Issue 14: the pages show a student their own runs only; the instructor's class view shows who ran what.</summary>
[Collection(ClassroomServerCollection.Name)]
public class ClassroomPagesTests(ClassroomServerFixture fixture)
{
    [Fact]
    public async Task The_runs_page_lists_a_students_own_runs_and_the_class_view_is_the_instructors()
    {
        var created = await fixture.StudentA.Http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 20 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var runId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        var newcomer = await fixture.SignUpAsync($"one-run-{Guid.NewGuid():N}@example.edu");
        Assert.Equal(HttpStatusCode.Created, (await newcomer.Http.PostAsJsonAsync("api/runs", new { problemId = "exp-mle", settings = new { steps = 20 } })).StatusCode);

        using var a = await BrowserForms.SignedInAsync(fixture.Server, fixture.StudentA.Email);
        using var b = await BrowserForms.SignedInAsync(fixture.Server, fixture.StudentB.Email);
        using var instructor = await BrowserForms.SignedInAsync(fixture.Server, ClassroomServerFixture.InstructorEmail);

        Assert.Contains(runId, await BrowserForms.PageAsync(a, "runs"));
        Assert.DoesNotContain(runId, await BrowserForms.PageAsync(b, "runs"));
        Assert.Contains(runId, await BrowserForms.PageAsync(instructor, "runs"));
        Assert.Contains("There is no run with this id.", await BrowserForms.PageAsync(b, $"runs/{runId}"));

        var studentsView = await BrowserForms.PageAsync(b, "class");
        Assert.Contains("Only instructors see the class view.", studentsView);
        Assert.DoesNotContain(fixture.StudentA.Email, studentsView);
        Assert.DoesNotContain("data-testid=\"class-link\"", studentsView);
        Assert.DoesNotContain("data-testid=\"class-nav-link\"", studentsView);

        var classView = await BrowserForms.PageAsync(instructor, "class");
        Assert.Contains("data-testid=\"class-link\"", classView);
        Assert.Contains(fixture.StudentA.Email, classView);
        Assert.Contains($"/runs/{runId}", classView);
        // On a phone the app bar has no room for Class: the drawer has it too.
        Assert.Contains("data-testid=\"class-nav-link\"", classView);
        Assert.Contains(newcomer.Email, classView);
        Assert.Contains(">1 run<", classView);
        Assert.DoesNotContain(">1 runs<", classView);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Tests.Engine.Problems.ResnetCam;
using LabDashboard.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>Issue 14: a CAM result's images are its asker's; another student asking for them gets what an unknown id gets.</summary>
public class ClassroomCamResultsTests
{
    private static readonly string[] Kinds = ["input", "heatmap", "overlay"];

    [Fact]
    public async Task A_students_cam_result_is_unknown_to_another_student_and_shown_to_the_instructor()
    {
        var state = CopyOfTrainedModelState();
        try
        {
            await using var server = await ClassroomServerFixture.StartAsync(stateRoot: state);
            var a = await ClassroomServerFixture.SignUpAsync(server, "cam-a@example.edu");
            var b = await ClassroomServerFixture.SignUpAsync(server, "cam-b@example.edu");
            var instructor = await ClassroomServerFixture.SignUpAsync(server, ClassroomServerFixture.InstructorEmail, ClassroomServerFixture.InstructorCode);
            // The trained model is the test's, not a run's: it is handed to A as A's run would be.
            server.Services.GetRequiredService<RunAccess>().Remember(TrainedHeadOnlyModel.RunId, await UserIdAsync(server, a.Email));

            using var explained = await a.Http.PostAsync("api/cam", PhotoForm());
            Assert.Equal(HttpStatusCode.OK, explained.StatusCode);
            var id = (await explained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            foreach (var kind in Kinds)
            {
                var url = $"api/cam/results/{id}/{kind}.png";
                Assert.Equal(HttpStatusCode.OK, (await a.Http.GetAsync(url)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await instructor.Http.GetAsync(url)).StatusCode);
                using var refused = await b.Http.GetAsync(url);
                using var unknown = await b.Http.GetAsync($"api/cam/results/{new string('0', 32)}/{kind}.png");
                Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
                Assert.Equal(unknown.StatusCode, refused.StatusCode);
                Assert.Equal(await WithoutTraceIdAsync(unknown), await WithoutTraceIdAsync(refused));
            }
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>A fresh State:Root holding the head-only model trained once per test process and the backbone it needs.</summary>
    private static string CopyOfTrainedModelState()
    {
        _ = TrainedHeadOnlyModel.Run;
        var source = ResnetCamTestEnvironment.Paths.StateRoot;
        var state = Path.Combine(Path.GetTempPath(), "labdashboard-tests", "state-" + Guid.NewGuid().ToString("N"));
        CopyFolder(Path.Combine(source, TrainedModelStore.RunsFolder, TrainedHeadOnlyModel.RunId), Path.Combine(state, TrainedModelStore.RunsFolder, TrainedHeadOnlyModel.RunId));
        CopyFolder(Path.Combine(source, "resnet-cam", "backbones"), Path.Combine(state, "resnet-cam", "backbones"));
        return state;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>();
        problem!.Remove("traceId");
        return JsonSerializer.Serialize(problem);
    }

    private static async Task<string> UserIdAsync(LabServer server, string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<LabUser>>().FindByEmailAsync(email))!.Id;
    }

    private static MultipartFormDataContent PhotoForm()
    {
        var file = new ByteArrayContent(File.ReadAllBytes(ResnetCamTestEnvironment.Photo("dog", "american_bulldog_10.jpg")));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "image", "photo.jpg" }, { new StringContent(TrainedHeadOnlyModel.RunId), "runId" } };
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>Issue 14: an iris upload's id is its uploader's; another student naming it gets what an id nobody uploaded gets.</summary>
[Collection(ClassroomServerCollection.Name)]
public class ClassroomUploadTests(ClassroomServerFixture fixture)
{
    [Fact]
    public async Task Another_students_iris_upload_id_is_refused_like_an_unknown_id_and_the_uploader_trains_on_it()
    {
        var a = await fixture.SignUpAsync("upload-a@example.edu");
        var csv = string.Join('\n', File.ReadLines(TestData.Path("iris.csv")).Where((_, i) => i == 0 || i % 5 == 0));
        using var upload = await a.Http.PostAsync("api/datasets/iris/uploads", Form(csv));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uploadId").GetString()!;
        var unknownId = "my_iris-" + new string('0', 12);

        var borrowed = await StartIrisAsync(fixture.StudentB, id);
        var unknown = await StartIrisAsync(fixture.StudentB, unknownId);

        Assert.Equal(HttpStatusCode.BadRequest, borrowed.Status);
        Assert.Equal(unknown.Status, borrowed.Status);
        Assert.Equal(unknown.Detail.Replace(unknownId, id, StringComparison.Ordinal), borrowed.Detail);
        Assert.Contains($"no uploaded iris CSV has the id '{id}'", borrowed.Detail);

        var own = await StartIrisAsync(a, id);
        Assert.Equal(HttpStatusCode.Created, own.Status);
        await using var hub = await a.ConnectHubAsync();
        Assert.Equal(RunOutcome.Completed, (await hub.WatchToEndAsync(own.RunId!))[^1].Outcome);
    }

    private static async Task<(HttpStatusCode Status, string Detail, string? RunId)> StartIrisAsync(ClassroomAccount account, string dataFile)
    {
        using var response = await account.Http.PostAsJsonAsync("api/runs", new { problemId = "iris", settings = new { dataFile, epochs = 10 } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.StatusCode == HttpStatusCode.Created
            ? (response.StatusCode, "", body.GetProperty("runId").GetString())
            : (response.StatusCode, body.GetProperty("detail").GetString()!, null);
    }

    private static MultipartFormDataContent Form(string csv)
    {
        var file = new StringContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "my iris.csv" } };
    }
}

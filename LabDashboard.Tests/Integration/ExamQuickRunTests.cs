using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Tests.Engine;

namespace LabDashboard.Tests.Integration;

/// <summary>A whole exam on a real Kestrel, in the API's quick mode (the three long trainings shortened), to the end.</summary>
// Alone: its server trains the eight problems, which seed libtorch's global generator; beside a test that
// compares a seeded run's numbers (TrainingHubTests) the draws would interleave (seen: λ 2.0351 for 2.0299).
[Collection(SeededTorchCollection.Name)]
[Trait("Category", "Slow")]
public class ExamQuickRunTests
{
    /// <summary>Shortened enough for a test, long enough that every check still passes.</summary>
    public static readonly Dictionary<string, object> QuickSettings = new()
    {
        ["fashion-cnn"] = new { architecture = "small", epochs = 1, trainSubset = 12000, batchSize = 64 },
        // No augmented views (quicker); the head trains to its best validation epoch, as by default.
        ["resnet-cam"] = new { trainBackbone = false, imageSize = "224", maxImages = 240, augmentedViews = 0 },
        ["gan-mnist8"] = new { epochs = 100, gridEvery = 50 },
    };

    private static readonly string[] Kinds = ["conv-einsum", "param-count", "exp-mle", "free-fall", "accuracy", "accuracy", "resnet-cam", "gan-mnist8"];

    /// <summary>Starts a quick exam on <paramref name="http"/>'s server; returns its id.</summary>
    public static async Task<string> StartQuickExamAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("api/exam", new { settings = QuickSettings });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("examId").GetString()!;
    }

    [Fact]
    public async Task A_quick_exam_answers_all_eight_questions_with_passing_checks_and_its_sheet_survives_a_restart()
    {
        JsonElement sheet;
        string stateRoot;
        string examId;
        await using (var server = await LabServer.StartAsync(Path.Combine(Path.GetTempPath(), "labdashboard-tests", "exam-" + Guid.NewGuid().ToString("N"))))
        {
            stateRoot = server.StateRoot;
            using var http = server.CreateClient();
            examId = await StartQuickExamAsync(http);
            sheet = await ExamWaits.CompleteSheetAsync(http, examId, TimeSpan.FromMinutes(20));

            AssertAnsweredAndPassed(sheet);
            var answers = sheet.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("answer")).ToList();
            await AssertPngAsync(http, answers[6].GetProperty("photo").GetProperty("overlayUrl").GetString()!);
            await AssertPngAsync(http, answers[7].GetProperty("pngUrl").GetString()!);
        }

        await using var restarted = await LabServer.StartAsync(stateRoot);
        using var again = restarted.CreateClient();
        var reread = await again.GetFromJsonAsync<JsonElement>($"api/exam/{examId}");
        Assert.Equal(sheet.GetProperty("questions").ToString(), reread.GetProperty("questions").ToString());
        Directory.Delete(stateRoot, recursive: true);
    }

    private static void AssertAnsweredAndPassed(JsonElement sheet)
    {
        Assert.True(sheet.GetProperty("passed").GetBoolean(), sheet.ToString());
        Assert.False(sheet.GetProperty("examSettings").GetBoolean());
        Assert.Equal(["fashion-cnn", "gan-mnist8", "resnet-cam"], sheet.GetProperty("overridden").EnumerateArray().Select(e => e.GetString()));
        Assert.True(sheet.GetProperty("totalSeconds").GetDouble() > 0);
        Assert.False(string.IsNullOrEmpty(sheet.GetProperty("machine").GetProperty("torchSharp").GetString()));
        Assert.False(string.IsNullOrEmpty(sheet.GetProperty("machine").GetProperty("libtorch").GetString()));

        var questions = sheet.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(Kinds, questions.Select(q => q.GetProperty("answer").GetProperty("kind").GetString()));
        Assert.All(questions, q =>
        {
            Assert.Equal("completed", q.GetProperty("status").GetString());
            Assert.True(q.GetProperty("passed").GetBoolean(), q.ToString());
            Assert.NotEmpty(q.GetProperty("checks").EnumerateArray());
        });

        var answers = questions.Select(q => q.GetProperty("answer")).ToList();
        Assert.Equal(ExamPairs.All.Select(p => p.ExpectedAnswer), answers[1].GetProperty("pairs").EnumerateArray().Select(p => p.GetProperty("verdict").GetString()));
        Assert.InRange(answers[2].GetProperty("lambda").GetDouble() - answers[2].GetProperty("sampleMean").GetDouble(), -1e-3, 1e-3);
        Assert.Equal([40, 60, 80], answers[3].GetProperty("times").EnumerateArray().Select(t => t.GetProperty("heightMetres").GetInt32()));
        Assert.InRange(answers[4].GetProperty("testAccuracy").GetDouble(), 0.9, 1);
        Assert.InRange(answers[5].GetProperty("testAccuracy").GetDouble(), 0.7, 1);
        var photo = answers[6].GetProperty("photo");
        Assert.Contains(photo.GetProperty("verdict").GetString(), new[] { "dog", "cat" });
        Assert.InRange(photo.GetProperty("dogProbability").GetDouble(), 0, 1);
        var grid = answers[7].GetProperty("grid");
        Assert.Equal(10, grid.GetProperty("dOutputs").GetArrayLength());
        Assert.Equal(5, grid.GetProperty("columns").GetInt32());
    }

    private static async Task AssertPngAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }
}

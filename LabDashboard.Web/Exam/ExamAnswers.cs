using System.Globalization;
using System.Text.Json;
using LabDashboard.Engine.Problems.ParamCount;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Exam;

/// <summary>Reads each problem's typed answer from its completed run's results.</summary>
public sealed class ExamAnswers(CamService cam, ExamGanGrids ganGrids)
{
    /// <summary>The answer of a completed run; null when the run has not completed.</summary>
    public ExamAnswer? From(RunRecord run)
    {
        if (run.Summary.Status != RunStatus.Completed) return null;
        var results = run.Summary.Results;
        return run.Summary.ProblemId switch
        {
            "conv-einsum" => new ConvEinsumAnswer(results["mergedConvMaxDiff"], results["einsumMaxDiff"]),
            "param-count" => ParamCount(results),
            "exp-mle" => new ExpMleAnswer(results["lambda"], results["sampleMean"]),
            "free-fall" => new FreeFallAnswer(FallTimes(results)),
            "iris" or "fashion-cnn" => new AccuracyAnswer(results["testAcc"]),
            "resnet-cam" => Cam(run),
            "gan-mnist8" => ganGrids.For(run.Summary.RunId, SettingText(run, "seed")),
            _ => null,
        };
    }

    /// <summary>A setting's value as invariant text, or null when the run has no such setting.</summary>
    public static string? SettingText(RunRecord run, string name) => run.Settings.GetValueOrDefault(name) switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private static ParamCountAnswer ParamCount(IReadOnlyDictionary<string, double> results) =>
        new([.. ExamPairs.All.Select(pair =>
        {
            var first = (long)results[ParamCountProblem.ResultName(pair.Number, pair.First.Name)];
            var second = (long)results[ParamCountProblem.ResultName(pair.Number, pair.Second.Name)];
            var verdict = first == second ? ExamPairs.Same : first > second ? pair.First.Name : pair.Second.Name;
            return new ParamPairVerdict(pair.Number, pair.First.Name, first, pair.Second.Name, second, verdict);
        })]);

    /// <summary>free-fall reports <c>t40</c>, <c>t60</c>, <c>t80</c>: the predicted time per height in metres.</summary>
    private static List<FallTime> FallTimes(IReadOnlyDictionary<string, double> results) =>
        [.. results
            .Select(r => (r.Value, Height: r.Key.StartsWith('t') && int.TryParse(r.Key[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : -1))
            .Where(r => r.Height > 0)
            .OrderBy(r => r.Height)
            .Select(r => new FallTime(r.Height, r.Value))];

    private CamAnswer Cam(RunRecord run)
    {
        var runId = run.Summary.RunId;
        var gallery = cam.Models.Gallery(runId);
        // The gallery lists mistakes first; the sample is picked by name alone, so it is not a chosen mistake or success.
        var dogs = gallery.Where(item => item.Label == "dog").ToList();
        var sample = (dogs.Count > 0 ? dogs : gallery).MinBy(item => item.Source, StringComparer.Ordinal);
        var photo = sample is null ? null : new CamPhotoVerdict(sample.Source, sample.Label, sample.Predicted, sample.Probability,
            $"/api/cam/models/{Uri.EscapeDataString(runId)}/gallery/{Uri.EscapeDataString(sample.File)}");
        var results = run.Summary.Results;
        return new CamAnswer(results["testAcc"], SettingText(run, "trainBackbone") == "true", (int)results.GetValueOrDefault("imageSize"),
            run.Device, photo);
    }
}

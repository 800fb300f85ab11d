using System.Text.Json.Serialization;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Exam;

/// <summary>An exam answered: the eight questions with their answers and checks, the machine and the time.</summary>
/// <param name="Id">The exam's id.</param>
/// <param name="CreatedAt">When the eight runs were started.</param>
/// <param name="Complete">True when every run has finished (whatever its outcome).</param>
/// <param name="Passed">True when every run completed and every check passed.</param>
/// <param name="ExamSettings">True when every problem ran with its defaults (the exam's settings); false in quick mode.</param>
/// <param name="Overridden">The problems whose settings were overridden (quick mode), empty for a real exam.</param>
/// <param name="Questions">One per problem, in the exam's order.</param>
/// <param name="Machine">What the runs ran on, once one has started.</param>
/// <param name="TotalSeconds">From the start to the last run's end, once complete.</param>
public sealed record ExamSheet(
    string Id, DateTimeOffset CreatedAt, bool Complete, bool Passed, bool ExamSettings, IReadOnlyList<string> Overridden,
    IReadOnlyList<ExamQuestion> Questions, ExamMachine? Machine, double? TotalSeconds);

/// <summary>One question of the sheet.</summary>
/// <param name="Number">1–8.</param>
/// <param name="ProblemId">The problem's id.</param>
/// <param name="Title">The problem's title.</param>
/// <param name="RunId">The run that answers it.</param>
/// <param name="Status">The run's status.</param>
/// <param name="Answer">The typed answer, once the run has completed.</param>
/// <param name="Checks">The run's answer checks.</param>
/// <param name="Seed">The run's seed setting, when it has one.</param>
/// <param name="FinishedAfterSeconds">Seconds from the exam's start to this run's end.</param>
/// <param name="Error">Why the run failed, when it did.</param>
public sealed record ExamQuestion(
    int Number, string ProblemId, string Title, string RunId, RunStatus Status, ExamAnswer? Answer,
    IReadOnlyList<CheckResult> Checks, string? Seed, double? FinishedAfterSeconds, string? Error)
{
    /// <summary>True when the run completed and every check passed.</summary>
    public bool Passed => Status == RunStatus.Completed && Checks.Count > 0 && Checks.All(c => c.Passed);
}

/// <summary>The device, thread count and software the exam's runs recorded.</summary>
public sealed record ExamMachine(string Device, string Threads, string Os, string TorchSharp, string Libtorch, string Dotnet);

/// <summary>A question's answer; <c>kind</c> in JSON says which.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ConvEinsumAnswer), "conv-einsum")]
[JsonDerivedType(typeof(ParamCountAnswer), "param-count")]
[JsonDerivedType(typeof(ExpMleAnswer), "exp-mle")]
[JsonDerivedType(typeof(FreeFallAnswer), "free-fall")]
[JsonDerivedType(typeof(AccuracyAnswer), "accuracy")]
[JsonDerivedType(typeof(CamAnswer), "resnet-cam")]
[JsonDerivedType(typeof(GanAnswer), "gan-mnist8")]
public abstract record ExamAnswer;

/// <summary>Problem 1: the merged convolution against the two separate ones, the einsum against permute → Linear → permute.</summary>
public sealed record ConvEinsumAnswer(double MergedConvMaxDiff, double EinsumMaxDiff) : ExamAnswer;

/// <summary>Problem 2: the five pairs' verdicts.</summary>
public sealed record ParamCountAnswer(IReadOnlyList<ParamPairVerdict> Pairs) : ExamAnswer;

/// <summary>One pair: both trainable totals and which network has more (or <c>same</c>).</summary>
public sealed record ParamPairVerdict(int Pair, string First, long FirstCount, string Second, long SecondCount, string Verdict);

/// <summary>Problem 3: the fitted λ and the sample mean.</summary>
public sealed record ExpMleAnswer(double Lambda, double SampleMean) : ExamAnswer;

/// <summary>Problem 4: the predicted fall times.</summary>
public sealed record FreeFallAnswer(IReadOnlyList<FallTime> Times) : ExamAnswer;

/// <summary>A predicted fall time (its check compares it with √(2h/9.8)).</summary>
public sealed record FallTime(int HeightMetres, double PredictedSeconds);

/// <summary>Problems 5 and 6: the test accuracy.</summary>
public sealed record AccuracyAnswer(double TestAccuracy) : ExamAnswer;

/// <summary>
/// Problem 7: the model's held-out accuracy and its verdict on the sample photo (a held-out photo of the
/// run's own test split, with the overlay the run saved), and how it was trained.
/// </summary>
/// <param name="TestAccuracy">Held-out accuracy.</param>
/// <param name="WholeNetwork">True when the whole network was trained (the exam's configuration).</param>
/// <param name="ImageSize">Input size.</param>
/// <param name="Device">cpu or cuda.</param>
/// <param name="Photo">The sample photo, once the model is saved.</param>
public sealed record CamAnswer(double TestAccuracy, bool WholeNetwork, int ImageSize, string Device, CamPhotoVerdict? Photo) : ExamAnswer;

/// <summary>The model's verdict on one photo.</summary>
/// <param name="Source">The photo's file name.</param>
/// <param name="Label">Its true label.</param>
/// <param name="Verdict">dog or cat.</param>
/// <param name="DogProbability">P(dog).</param>
/// <param name="OverlayUrl">The CAM overlay PNG.</param>
public sealed record CamPhotoVerdict(string Source, string Label, string Verdict, double DogProbability, string OverlayUrl);

/// <summary>Problem 8: ten samples (2×5) from the saved generator with the discriminator's output ("police out") under each.</summary>
/// <param name="PngUrl">The grid PNG.</param>
/// <param name="Seed">The noise seed.</param>
/// <param name="Grid">Police out and digit probabilities per tile.</param>
public sealed record GanAnswer(string PngUrl, long Seed, GanGridData Grid) : ExamAnswer;

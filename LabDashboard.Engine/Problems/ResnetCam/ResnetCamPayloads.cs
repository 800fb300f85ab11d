namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>One bin of a reliability diagram: answers whose confidence fell in [Lower, Upper).</summary>
/// <param name="Lower">The bin's lowest confidence.</param>
/// <param name="Upper">The bin's upper edge (the last bin includes 1).</param>
/// <param name="Count">Answers in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence; 0 for an empty bin.</param>
/// <param name="Accuracy">Their share of right answers; 0 for an empty bin.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// The <c>reliability</c> payload: how far a model's confidence (the probability of the class it chose,
/// 0.5–1) can be trusted, binned (confidence vs accuracy) and as means over right and wrong answers.
/// </summary>
/// <param name="Bins">Equal-width bins over 0.5–1.</param>
/// <param name="Right">Right answers.</param>
/// <param name="Wrong">Wrong answers.</param>
/// <param name="MeanConfidenceRight">Mean confidence of the right answers; null without any.</param>
/// <param name="MeanConfidenceWrong">Mean confidence of the wrong answers; null without any.</param>
/// <param name="ExpectedCalibrationError">Σ over bins of |accuracy − confidence| weighted by the bin's share of answers.</param>
public sealed record ReliabilityData(IReadOnlyList<ReliabilityBin> Bins, int Right, int Wrong, double? MeanConfidenceRight, double? MeanConfidenceWrong,
    double ExpectedCalibrationError)
{
    /// <summary>The payload's name for the held-out split.</summary>
    public const string PayloadName = "reliability";

    internal const int BinCount = 5;

    /// <summary>The diagram of binary answers: a logit per answer (≥ 0 means dog = 1) and the true labels.</summary>
    internal static ReliabilityData Of(IReadOnlyList<float> logits, IReadOnlyList<int> labels)
    {
        var answers = logits.Zip(labels, (logit, label) =>
        {
            var dog = 1 / (1 + Math.Exp(-logit));
            return (Confidence: Math.Max(dog, 1 - dog), Right: (logit >= 0 ? 1 : 0) == label);
        }).ToList();
        const double width = 0.5 / BinCount;
        var bins = Enumerable.Range(0, BinCount).Select(b =>
        {
            var (lower, upper) = (0.5 + b * width, 0.5 + (b + 1) * width);
            var inside = answers.Where(a => a.Confidence >= lower && (a.Confidence < upper || b == BinCount - 1)).ToList();
            return new ReliabilityBin(lower, upper, inside.Count, inside.Count == 0 ? 0 : inside.Average(a => a.Confidence),
                inside.Count == 0 ? 0 : inside.Average(a => a.Right ? 1.0 : 0.0));
        }).ToList();
        var right = answers.Where(a => a.Right).Select(a => a.Confidence).ToList();
        var wrong = answers.Where(a => !a.Right).Select(a => a.Confidence).ToList();
        var ece = answers.Count == 0 ? 0 : bins.Sum(b => (double)b.Count / answers.Count * Math.Abs(b.Accuracy - b.MeanConfidence));
        return new ReliabilityData(bins, right.Count, wrong.Count, right.Count == 0 ? null : right.Average(), wrong.Count == 0 ? null : wrong.Average(), ece);
    }
}

/// <summary>One leave-one-breed-out fold: a head trained without <paramref name="Breed"/>, tested on all its photos.</summary>
/// <param name="Breed">The breed left out (Oxford's name).</param>
/// <param name="Label">"cat" or "dog".</param>
/// <param name="Images">Its photos, all tested.</param>
/// <param name="Accuracy">Share of them answered right.</param>
/// <param name="MeanConfidence">Mean confidence of the answers.</param>
public sealed record UnseenBreedFold(string Breed, string Label, int Images, double Accuracy, double MeanConfidence);

/// <summary>The <c>unseenBreeds</c> payload: the leave-one-breed-out folds, their mean accuracy and the reliability of all their answers.</summary>
/// <param name="Folds">One per breed left out.</param>
/// <param name="MeanAccuracy">The mean of the folds' accuracies (each breed weighs the same): the result <c>unseenBreedAcc</c>.</param>
/// <param name="Reliability">All folds' answers together.</param>
public sealed record UnseenBreedsData(IReadOnlyList<UnseenBreedFold> Folds, double MeanAccuracy, ReliabilityData Reliability)
{
    /// <summary>The payload's name.</summary>
    public const string PayloadName = "unseenBreeds";
}

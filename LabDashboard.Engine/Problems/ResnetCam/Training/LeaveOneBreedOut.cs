using LabDashboard.Engine.Problems.ResnetCam.Data;
using LabDashboard.Engine.Runs;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>One fold: fit and validation photos without <see cref="Breed"/>, and every photo of it to test (photo numbers of a <see cref="FeatureBank"/>).</summary>
internal sealed record BreedFold(string Breed, IReadOnlyList<int> Fit, IReadOnlyList<int> Validation, IReadOnlyList<int> Test);

/// <summary>
/// The honest score for a student's own photo: for each breed with few photos, a head fitted as the run's own
/// (same fit rows minus the breed, same settings, for the number of epochs the run's validation chose) is tested
/// on every photo of that breed, from the training and the held-out split alike; none of them was in its rows.
/// The folds train for a fixed number of epochs rather than each stopping early on its own: that spares every
/// fold its validation passes and patience epochs (a fold is then a fraction of the run's own fit).
/// </summary>
internal static class LeaveOneBreedOut
{
    /// <summary>Breeds with no more photos than the median breed (catsdogs: the 34 with 10 photos; full Oxford-IIIT Pet: about all 37).</summary>
    public static IReadOnlyList<string> HeldOutBreeds(IReadOnlyList<PetImage> photos)
    {
        var counts = photos.GroupBy(p => p.Breed).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sorted = counts.Values.Order().ToList();
        var median = sorted[(sorted.Count - 1) / 2];
        return [.. counts.Where(c => c.Value <= median).Select(c => c.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>The folds over <paramref name="photos"/>, from the run's fit and validation photo numbers.</summary>
    public static IReadOnlyList<BreedFold> Folds(IReadOnlyList<PetImage> photos, IReadOnlyList<int> fit, IReadOnlyList<int> validation) =>
    [
        .. HeldOutBreeds(photos).Select(breed => new BreedFold(breed,
            [.. fit.Where(p => photos[p].Breed != breed)],
            [.. validation.Where(p => photos[p].Breed != breed)],
            [.. Enumerable.Range(0, photos.Count).Where(p => photos[p].Breed == breed)])),
    ];

    /// <summary>Fits and tests every fold for <paramref name="epochs"/> epochs; null when no fold has training rows.</summary>
    public static UnseenBreedsData? Run(RunContext context, FeatureBank bank, IReadOnlyList<int> fit, IReadOnlyList<int> validation, HeadFitOptions options, int epochs)
    {
        options = options with { MaxEpochs = epochs, Head = options.Head with { Patience = 0 } };
        var folds = Folds(bank.Photos, fit, validation).Where(f => f.Fit.Count > 0).ToList();
        var results = new List<UnseenBreedFold>();
        var logits = new List<float>();
        var labels = new List<int>();
        foreach (var fold in folds)
        {
            context.Progress((double)results.Count / folds.Count, ResnetCamTexts.UnseenFold.Format(results.Count + 1, folds.Count, fold.Breed));
            var answers = Test(context, bank, fold, options);
            var truth = fold.Test.Select(p => bank.Photos[p].Label).ToList();
            var reliability = ReliabilityData.Of(answers, truth);
            results.Add(new UnseenBreedFold(fold.Breed, bank.Photos[fold.Test[0]].LabelName, fold.Test.Count,
                (double)reliability.Right / fold.Test.Count, reliability.Bins.Sum(b => b.MeanConfidence * b.Count) / fold.Test.Count));
            logits.AddRange(answers);
            labels.AddRange(truth);
        }
        return results.Count == 0 ? null : new UnseenBreedsData(results, results.Average(r => r.Accuracy), ReliabilityData.Of(logits, labels));
    }

    private static float[] Test(RunContext context, FeatureBank bank, BreedFold fold, HeadFitOptions options)
    {
        var device = context.Device.Device;
        using var train = bank.Rows(fold.Fit, withViews: true, device);
        var weights = options.Head.BalanceBreeds ? BreedBalance.Weights([.. train.Photos.Select(p => bank.Photos[p])]) : null;
        using var head = HeadFit.Fit(context, train, weights, validation: null, options);
        using var test = bank.Rows(fold.Test, withViews: false, CPU);
        using var scope = NewDisposeScope();
        return head.Logits(test.Features).data<float>().ToArray();
    }
}

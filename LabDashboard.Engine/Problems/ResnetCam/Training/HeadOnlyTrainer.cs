using LabDashboard.Engine.Problems.ResnetCam.Data;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Training;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>
/// Frozen backbone: features of every photo, and of augmented views of the training photos, computed once
/// (cached on disk); only Linear(512, 1) trained, breed-balanced, to the epoch with the lowest validation
/// loss; then the same recipe left-one-breed-out for the unseen-breed score.
/// </summary>
internal static class HeadOnlyTrainer
{
    public static TrainingOutcome Train(TrainingJob job)
    {
        var (context, settings) = (job.Context, job.Settings);
        var device = context.Device.Device;
        var (bank, testLayer4) = BuildBank(job);
        using (bank)
        {
            var (fit, validation) = SplitForValidation(bank, settings);
            var options = HeadFitOptions.From(settings);
            var trainAccuracy = new Dictionary<int, double>();
            FittedHead fitted;
            using (var fitRows = bank.Rows(fit, withViews: true, device))
            using (var validationRows = validation.Count > 0 ? bank.Rows(validation, withViews: false, device) : null)
            {
                context.Log(ResnetCamTexts.HeadRows.Format(fitRows.Count, fit.Count, 1 + bank.ViewsPerPhoto, validation.Count, Describe(settings.Head)));
                fitted = HeadFit.Fit(context, fitRows, Weights(bank, fitRows, settings.Head), validationRows, options, epoch =>
                {
                    trainAccuracy[epoch.Epoch] = epoch.TrainAccuracy;
                    context.Epoch(epoch.Epoch, epoch.Steps, EpochMetrics(epoch));
                });
            }
            context.Log(validation.Count > 0
                ? ResnetCamTexts.KeptBest.Format(fitted.BestEpoch, fitted.EpochsRun)
                : ResnetCamTexts.KeptLast.Format(fitted.EpochsRun));
            var unseen = settings.Head.UnseenBreeds ? LeaveOneBreedOut.Run(context, bank, fit, validation, options, fitted.BestEpoch) : null;
            if (unseen is not null) context.Log(ResnetCamTexts.UnseenLog.Format($"{unseen.MeanAccuracy:P1}", unseen.Folds.Count));
            return Evaluate(job, bank, fitted, testLayer4, trainAccuracy[fitted.BestEpoch], unseen);
        }
    }

    /// <summary>Each breed's training photos, <see cref="HeadTrainingSettings.ValidationFraction"/> of them held out to pick the epoch (none without early stopping).</summary>
    internal static (IReadOnlyList<int> Fit, IReadOnlyList<int> Validation) SplitForValidation(FeatureBank bank, ResnetCamSettings settings)
    {
        if (!settings.Head.EarlyStopping) return (bank.TrainPhotos, []);
        var number = bank.TrainPhotos.ToDictionary(p => bank.Photos[p].Path, StringComparer.Ordinal);
        var (fit, validation) = StratifiedSample.Split([.. bank.TrainPhotos.Select(p => bank.Photos[p])], HeadTrainingSettings.ValidationFraction, settings.Seed, p => p.Breed);
        return ([.. fit.Select(p => number[p.Path])], [.. validation.Select(p => number[p.Path])]);
    }

    private static float[]? Weights(FeatureBank bank, HeadRows rows, HeadTrainingSettings head) =>
        head.BalanceBreeds ? BreedBalance.Weights([.. rows.Photos.Select(p => bank.Photos[p])]) : null;

    private static LocalizableText Describe(HeadTrainingSettings head) =>
        head.EarlyStopping ? ResnetCamTexts.EarlyStoppingPatience.Format(head.Describe(), head.Patience) : head.Describe();

    private static Dictionary<string, double> EpochMetrics(HeadEpoch epoch)
    {
        var metrics = new Dictionary<string, double> { [ResnetCamMetrics.Loss] = epoch.Loss, [ResnetCamMetrics.TrainAcc] = epoch.TrainAccuracy };
        if (epoch.ValidationLoss is { } loss) metrics[ResnetCamMetrics.ValLoss] = loss;
        if (epoch.ValidationAccuracy is { } accuracy) metrics[ResnetCamMetrics.ValAcc] = accuracy;
        return metrics;
    }

    private static (FeatureBank Bank, Tensor TestLayer4) BuildBank(TrainingJob job)
    {
        var settings = job.Settings;
        var weights = job.Backbones.LoadWeights(settings.Backbone);
        try
        {
            var preprocessor = job.Backbones.Preprocessor(settings.Backbone, settings.Preprocessing);
            using var train = Features(job, ResnetCamTexts.TrainPart.Format(), job.Train, job.Split.Train, weights, preprocessor, keepLayer4: false);
            var test = Features(job, ResnetCamTexts.TestPart.Format(), job.Test, job.Split.Test, weights, preprocessor, keepLayer4: true);
            using (test.Pooled)
            {
                using var views = settings.Head.AugmentedViews > 0 ? Views(job, weights, preprocessor) : zeros(0, 512);
                return (new FeatureBank(job.Split.Train, job.Split.Test, cat([train.Pooled, test.Pooled, views], 0), settings.Head.AugmentedViews), test.Layer4!);
            }
        }
        finally
        {
            foreach (var w in weights.Values) w.Dispose();
        }
    }

    private static ExtractedFeatures Features(TrainingJob job, LocalizableText part, DecodedImageCache images, IReadOnlyList<PetImage> list,
        IReadOnlyDictionary<string, Tensor> weights, ImagePreprocessor preprocessor, bool keepLayer4)
    {
        var s = job.Settings;
        var key = CacheKey.For(list, "features", s.Backbone.Id, s.Preprocessing, s.ImageSize, keepLayer4);
        var path = Path.Combine(job.CacheFolder, $"{key}-features{WeightsFile.Extension}");
        if (File.Exists(path)) job.Context.Log(ResnetCamTexts.CachedFeatures.Format(part, s.Backbone.Id, s.Preprocessing, s.ImageSize));
        return FeatureExtractor.OpenOrExtract(path, images, weights, s.Backbone, preprocessor, keepLayer4,
            done => job.ReportProgress(ResnetCamTexts.Extracting.Format(part, s.ImageSize), done, images.Count), job.Context.Checkpoint);
    }

    private static Tensor Views(TrainingJob job, IReadOnlyDictionary<string, Tensor> weights, ImagePreprocessor preprocessor)
    {
        var s = job.Settings;
        var views = s.Head.AugmentedViews;
        var key = CacheKey.For(job.Split.Train, "views", ViewAugmenter.Version, s.Backbone.Id, s.Preprocessing, s.ImageSize, views, s.Seed);
        var path = Path.Combine(job.CacheFolder, $"{key}-views{WeightsFile.Extension}");
        if (File.Exists(path)) job.Context.Log(ResnetCamTexts.CachedViews.Format(views));
        var total = job.Train.Count * views;
        return FeatureExtractor.OpenOrExtractViews(path, job.Train, views, s.Seed, weights, s.Backbone, preprocessor,
            done => job.ReportProgress(ResnetCamTexts.ExtractingViews.Format(views, s.ImageSize), done, total), job.Context.Checkpoint);
    }

    private static TrainingOutcome Evaluate(TrainingJob job, FeatureBank bank, FittedHead head, Tensor testLayer4, double trainAccuracy, UnseenBreedsData? unseen)
    {
        using var test = bank.Rows(bank.TestPhotos, withViews: false, CPU);
        var evaluation = ChunkedEvaluation.Classify(head.Logits, test.Features, test.Labels, ClassificationLoss.BinaryWithLogits);
        return new TrainingOutcome(trainAccuracy, evaluation.Accuracy, evaluation.Loss, head.Weight, head.Bias, testLayer4, evaluation.Outputs, unseen, head.BestEpoch);
    }
}

using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.ResnetCam.Data;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Problems.ResnetCam.Training;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>Problem 7: fine-tune an ImageNet ResNet-18 on cats vs dogs (dog = 1), explained with CAM.</summary>
/// <param name="sources">Download sources; null = the public ones.</param>
public sealed class ResnetCamProblem(IOptions<EngineEnvironmentOptions>? sources = null) : IProblem
{
    private readonly EngineEnvironmentOptions _sources = sources?.Value ?? new();

    /// <summary>The problem's id.</summary>
    public const string Id = "resnet-cam";

    /// <inheritdoc />
    public ProblemDescriptor Descriptor { get; } = new(
        Id, 7, "ResNet-18 cats vs dogs, explained with CAM",
        "Fine-tune an ImageNet ResNet-18 (fc → Linear(512, 1), dog = 1) on cats vs dogs, then explain any photo with a class activation map.",
        ResnetCamSettings.Schema(ResnetCamSettings.CudaDefault()),
        ResnetCamMetrics.Epoch,
        ResnetCamMetrics.Results)
    {
        // No ProgressSetting: the head stops early, so a run's epoch count is not known before it ends.
        RunFolders = [TrainedModelStore.RunsFolder],
        SettingsLimit = ResnetCamSettings.BatchMemory,
        PreferredDevice = DeviceKind.Cuda,
    };

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        var settings = ResnetCamSettings.From(context.Settings);
        context.Log(ResnetCamTexts.SettingsLog.Format(settings.Describe()));
        var backbones = new BackboneStore(context.Paths, TorchvisionWeightsDownload.From(_sources.TorchvisionWeightsUrl));
        context.Log(backbones.EnsureConverted(settings.Backbone,
            p => context.Progress(p.Fraction, p.Message, p.ToMetrics()), context.Cancellation));
        torch.random.manual_seed(settings.Seed);

        var split = FindData(context, settings);
        context.Log(ResnetCamTexts.DataLog.Format(split.Describe()));
        context.Data("model", new { backbone = settings.Backbone.Id, settings.Preprocessing, settings.ImageSize, settings.TrainBackbone, dataset = split.Layout, datasetRoot = split.Root });
        context.Log(TrainingEstimate.Describe(settings, split, context.Device));

        var decoder = new ImageDecoder();
        var cacheFolder = context.Paths.StateFolder("resnet-cam", "cache");
        using var train = OpenImages(context, ResnetCamTexts.TrainPart.Format(), split.Train, settings, decoder, cacheFolder);
        using var test = OpenImages(context, ResnetCamTexts.TestPart.Format(), split.Test, settings, decoder, cacheFolder);
        var job = new TrainingJob(context, settings, backbones, split, train, test, cacheFolder);
        var outcome = settings.TrainBackbone ? WholeNetworkTrainer.Train(job) : HeadOnlyTrainer.Train(job);
        Finish(job, outcome);
    }

    private PetSplit FindData(RunContext context, ResnetCamSettings settings)
    {
        var roots = context.Paths.DataRoots.Append(Path.Combine(context.Paths.StateRoot, "data")).ToList();
        var split = PetDatasetLocator.Find(roots, settings.Seed, settings.MaxImages);
        if (split is not null) return split;
        if (!settings.Download)
            throw new LocalizableException(ResnetCamTexts.NoDataRun.Format(PetDatasetLocator.OxfordFolder, PetDatasetLocator.FolderPerClassFolder, string.Join(", ", roots)));
        OxfordPetDownload.Run(context, _sources.OxfordPetUrl);
        return PetDatasetLocator.Find(roots, settings.Seed, settings.MaxImages) ?? throw new InvalidDataException("The download did not produce a data set.");
    }

    private static DecodedImageCache OpenImages(RunContext context, LocalizableText part, IReadOnlyList<PetImage> images, ResnetCamSettings settings, ImageDecoder decoder, string folder) =>
        DecodedImageCache.OpenOrBuild(folder, images, settings.ImageSize, decoder,
            done =>
            {
                if (done % 32 == 0 || done == images.Count)
                    context.Progress((double)done / images.Count, ResnetCamTexts.Decoding.Format(part, settings.ImageSize, done, images.Count));
            },
            context.Cancellation);

    private static void Finish(TrainingJob job, TrainingOutcome outcome)
    {
        var context = job.Context;
        var store = new TrainedModelStore(context.Artifacts);
        GalleryBuilder.Save(job, outcome, store);
        context.Result(ResnetCamMetrics.TestAcc, outcome.TestAccuracy);
        context.Result(ResnetCamMetrics.TestLoss, outcome.TestLoss);
        context.Result(ResnetCamMetrics.TrainAcc, outcome.TrainAccuracy);
        context.Result(ResnetCamMetrics.ImageSize, job.Settings.ImageSize);
        context.Result(ResnetCamMetrics.TrainImages, job.Split.Train.Count);
        context.Result(ResnetCamMetrics.TestImages, job.Split.Test.Count);
        if (outcome.BestEpoch is { } best) context.Result(ResnetCamMetrics.BestEpoch, best);
        context.Check(ResnetCamTexts.TestAccCheck.Format(), outcome.TestAccuracy >= 0.90,
            ResnetCamTexts.TestAccDetail.Format($"{outcome.TestAccuracy:P1}", job.Split.Test.Count));
        ReportReliability(context, ReliabilityData.Of(outcome.TestLogits, [.. job.Split.Test.Select(i => i.Label)]));
        ReportUnseenBreeds(context, job.Settings, outcome.UnseenBreeds);
        store.Complete(new TrainedModelInfo(context.RunId, job.Settings.Backbone.Id, job.Settings.Preprocessing, job.Settings.ImageSize,
            job.Settings.TrainBackbone, $"{job.Split.Layout} ({job.Split.Root})", DateTimeOffset.UtcNow, outcome.TestAccuracy));
        context.Log(ResnetCamTexts.Saved.Format(context.RunId, job.Settings.Backbone.Id, job.Settings.Preprocessing, job.Settings.ImageSize));
        outcome.Dispose();
    }

    private static void ReportReliability(RunContext context, ReliabilityData reliability)
    {
        context.Data(ReliabilityData.PayloadName, reliability);
        context.Result(ResnetCamMetrics.Ece, reliability.ExpectedCalibrationError);
        if (reliability.MeanConfidenceRight is { } right) context.Result(ResnetCamMetrics.MeanConfRight, right);
        if (reliability.MeanConfidenceWrong is { } wrong) context.Result(ResnetCamMetrics.MeanConfWrong, wrong);
        context.Check(ResnetCamTexts.ConfidenceCheck.Format(), reliability.MeanConfidenceRight >= 0.90,
            ResnetCamTexts.ConfidenceDetail.Format($"{reliability.MeanConfidenceRight ?? 0:P1}", reliability.Right, $"{reliability.MeanConfidenceWrong ?? 0:P1}", reliability.Wrong));
    }

    private static void ReportUnseenBreeds(RunContext context, ResnetCamSettings settings, UnseenBreedsData? unseen)
    {
        if (unseen is null)
        {
            context.Log(settings.TrainBackbone
                ? ResnetCamTexts.UnseenSkippedWhole.Format()
                : ResnetCamTexts.UnseenSkipped.Format());
            return;
        }
        context.Data(UnseenBreedsData.PayloadName, unseen);
        context.Result(ResnetCamMetrics.UnseenBreedAcc, unseen.MeanAccuracy);
        context.Result(ResnetCamMetrics.UnseenBreeds, unseen.Folds.Count);
        context.Check(ResnetCamTexts.UnseenBreedCheck.Format(), unseen.MeanAccuracy >= 0.95,
            ResnetCamTexts.UnseenBreedDetail.Format($"{unseen.MeanAccuracy:P1}", unseen.Folds.Count));
    }
}

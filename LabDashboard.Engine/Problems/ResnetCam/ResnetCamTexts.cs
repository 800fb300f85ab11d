using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>resnet-cam's texts (checks, run messages, captions, errors), keyed for the pages' languages.</summary>
internal static class ResnetCamTexts
{
    public static readonly TextTemplate TestAccCheck = new("resnet-cam.check.testAcc", "testAcc ≥ 0.90");
    public static readonly TextTemplate TestAccDetail = new("resnet-cam.check.testAcc.detail", "held-out accuracy {0} on {1} images");
    public static readonly TextTemplate WholeNetwork = new("resnet-cam.mode.wholeNetwork", "whole network");
    public static readonly TextTemplate HeadOnly = new("resnet-cam.mode.headOnly", "head only");
    public static readonly TextTemplate HeadOnlyFrozen = new("resnet-cam.mode.headOnlyFrozen", "head only (frozen backbone)");
    public static readonly TextTemplate TrainPart = new("resnet-cam.part.train", "train");
    public static readonly TextTemplate TestPart = new("resnet-cam.part.test", "test");
    public static readonly TextTemplate Settings = new("resnet-cam.settings", "backbone {0}, preprocessing {1}, {2}px, {3}, Adam lr {4}, batch {5}, {6} epochs, seed {7}");
    public static readonly TextTemplate SettingsLog = new("resnet-cam.log.settings", "Settings: {0}");
    public static readonly TextTemplate Model = new("resnet-cam.model", "run {0}: {1}, {2}, {3}px, {4}, test accuracy {5}");
    public static readonly TextTemplate Split = new("resnet-cam.data.split", "{0} at {1}: {2} train ({3} dogs), {4} test ({5} dogs)");
    public static readonly TextTemplate DataLog = new("resnet-cam.log.data", "Data: {0}");
    public static readonly TextTemplate NoData = new("resnet-cam.data.none", "No data set yet: looked for {0}/ and {1}/ in {2}.");
    public static readonly TextTemplate NoDataRun = new("resnet-cam.error.noData", "No cats-vs-dogs data: looked for {0}/ and {1}/ in {2}. Turn on 'download' or put a data set there.");
    public static readonly TextTemplate Estimate = new("resnet-cam.estimate", "Estimate on {0}: {1} at {2}px ≈ {3}.");
    public static readonly TextTemplate EstimateWhole = new("resnet-cam.estimate.wholeNetwork", "{0} epochs of the whole network on {1} images");
    public static readonly TextTemplate EstimateMeasured = new("resnet-cam.estimate.measured", "{0} epochs of the whole network on {1} images at {2}px ≈ {3} min on this machine (measured: {4} s per image per epoch at {5}px in run {6}; more while other work shares the CPU).");
    public static readonly TextTemplate ExamRecipe = new("resnet-cam.exam.recipe", "whole network, 512 px, Adam 1e-5, batch 32, 3 epochs");
    public static readonly TextTemplate EstimateHead = new("resnet-cam.estimate.headOnly", "feature extraction of {0} images and {1} augmented views of each training photo (cached afterwards; the head and the unseen-breed folds train in seconds)");
    public static readonly TextTemplate SettingsHeadOnly = new("resnet-cam.settings.headOnly", "backbone {0}, preprocessing {1}, {2}px, head only (frozen backbone), Adam lr {3}, {4}, {5}, {6}, seed {7}");
    public static readonly TextTemplate Batch = new("resnet-cam.settings.batch", "batch {0}");
    public static readonly TextTemplate FullBatch = new("resnet-cam.settings.fullBatch", "full batch");
    public static readonly TextTemplate EpochsUpTo = new("resnet-cam.settings.epochsUpTo", "up to {0} epochs (early stopping, patience {1})");
    public static readonly TextTemplate EpochsFixed = new("resnet-cam.settings.epochs", "{0} epochs");
    public static readonly TextTemplate HeadRecipe = new("resnet-cam.settings.head", "{0} augmented views per photo, {1}, weight decay {2}");
    public static readonly TextTemplate BreedsBalanced = new("resnet-cam.settings.breedsBalanced", "breeds balanced");
    public static readonly TextTemplate BreedsAsDrawn = new("resnet-cam.settings.breedsAsDrawn", "breeds as drawn");
    public static readonly TextTemplate HeadRows = new("resnet-cam.log.headRows", "Head: {0} rows ({1} photos × {2} views), {3} validation photos, {4}.");
    public static readonly TextTemplate EarlyStoppingPatience = new("resnet-cam.log.earlyStopping", "{0}, early stopping (patience {1})");
    public static readonly TextTemplate KeptBest = new("resnet-cam.log.keptBest", "Kept the head of epoch {0} of {1} (lowest validation loss).");
    public static readonly TextTemplate KeptLast = new("resnet-cam.log.keptLast", "Kept the head of the last epoch ({0}); no validation split.");
    public static readonly TextTemplate UnseenLog = new("resnet-cam.log.unseen", "Unseen breeds: mean accuracy {0} over {1} breeds left out of training.");
    public static readonly TextTemplate UnseenSkippedWhole = new("resnet-cam.log.unseenSkippedWhole", "Unseen breeds not evaluated: in the whole-network mode every fold would be a full fine-tuning (minutes to hours on a CPU); the head-only mode reports unseenBreedAcc.");
    public static readonly TextTemplate UnseenSkipped = new("resnet-cam.log.unseenSkipped", "Unseen breeds not evaluated (turned off, or no breed could be left out).");
    public static readonly TextTemplate UnseenFold = new("resnet-cam.progress.unseenFold", "Unseen breeds: fold {0}/{1} ({2})");
    public static readonly TextTemplate CachedViews = new("resnet-cam.log.cachedViews", "Using cached features of {0} augmented views per training photo.");
    public static readonly TextTemplate ExtractingViews = new("resnet-cam.progress.extractingViews", "Extracting features of {0} augmented views per training photo at {1}px");
    public static readonly TextTemplate Decoding = new("resnet-cam.progress.decoding", "Decoding {0} images at {1}px: {2}/{3}");
    public static readonly TextTemplate Counted = new("resnet-cam.progress.counted", "{0}: {1}/{2}");
    public static readonly TextTemplate Epoch = new("resnet-cam.progress.epoch", "Epoch {0}");
    public static readonly TextTemplate Extracting = new("resnet-cam.progress.extracting", "Extracting {0} features at {1}px");
    public static readonly TextTemplate CachedFeatures = new("resnet-cam.log.cachedFeatures", "Using cached {0} features ({1}, {2}, {3}px).");
    public static readonly TextTemplate BackboneLoaded = new("resnet-cam.log.backboneLoaded", "Loaded {0} backbone tensors; fc is a fresh Linear(512, 1).");
    public static readonly TextTemplate Saved = new("resnet-cam.log.saved", "Saved the model of run {0} ({1}, {2}, {3}px).");
    public static readonly TextTemplate DownloadingPets = new("resnet-cam.log.downloadingPets", "Downloading Oxford-IIIT Pet from {0} into {1}.");
    public static readonly TextTemplate UsingConverted = new("resnet-cam.log.usingConverted", "Using converted {0} weights from {1}.");
    public static readonly TextTemplate Converted = new("resnet-cam.log.converted", "Converted {0} tensors of {1} to {2}.");
    public static readonly TextTemplate DownloadedAndConverted = new("resnet-cam.log.downloadedAndConverted", "Downloaded {0} to {1}. Converted {2} tensors of {1} to {3}.");
    public static readonly TextTemplate NoModel = new("resnet-cam.error.noModel", "No trained resnet-cam model yet: train one first.");
    public static readonly TextTemplate NoSuchModel = new("resnet-cam.error.noSuchModel", "Run '{0}' has no completed resnet-cam model.");
    public static readonly TextTemplate UnseenBreedCheck = new("resnet-cam.check.unseenBreedAcc", "unseenBreedAcc ≥ 0.95");
    public static readonly TextTemplate UnseenBreedDetail = new("resnet-cam.check.unseenBreedAcc.detail", "mean accuracy {0} over {1} breeds left out of training");
    public static readonly TextTemplate ConfidenceCheck = new("resnet-cam.check.confidence", "mean confidence when right ≥ 0.90");
    public static readonly TextTemplate ConfidenceDetail = new("resnet-cam.check.confidence.detail", "{0} over {1} right held-out answers, {2} over {3} wrong ones");
}

using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>
/// resnet-cam's settings with the mode-dependent defaults resolved. <see cref="Head"/> holds the head-only mode's
/// generalisation knobs; the whole-network mode ignores them and keeps the exam's recipe.
/// </summary>
internal sealed record ResnetCamSettings(
    BackboneSpec Backbone, string Preprocessing, int ImageSize, int BatchSize, double LearningRate,
    int Epochs, bool TrainBackbone, int MaxImages, int Seed, bool Download, HeadTrainingSettings Head)
{
    /// <summary>The exam's epochs for the whole network.</summary>
    public const int WholeNetworkEpochs = 3;
    /// <summary>The head's epoch limit; early stopping usually ends it sooner.</summary>
    public const int HeadMaxEpochs = 200;
    /// <summary>The head's Adam learning rate.</summary>
    public const double HeadLearningRate = 1e-2;
    /// <summary>The exam's batch size for the whole network.</summary>
    public const int WholeNetworkBatchSize = 32;
    /// <summary>
    /// The head's batch: 0 = every row in one batch. A step on cached features costs its fixed overhead, not its rows,
    /// so one step per epoch keeps each of the ~35 fits of a run short.
    /// </summary>
    public const int HeadBatchSize = 0;

    /// <summary>The most pixels a whole-network training batch holds: the exam's, 32 photos at 512 px.</summary>
    public const long MaxWholeNetworkBatchPixels = WholeNetworkBatchSize * 512L * 512L;

    /// <summary>The settings' names, as the schema and the settings JSON spell them.</summary>
    public static class Names
    {
        public const string TrainBackbone = "trainBackbone";
        public const string ImageSize = "imageSize";
        public const string BatchSize = "batchSize";
        public const string Lr = "lr";
        public const string Epochs = "epochs";
        public const string MaxImages = "maxImages";
        public const string Seed = "seed";
        public const string Backbone = "backbone";
        public const string Preprocessing = "preprocessing";
        public const string Download = "download";
        public const string AugmentedViews = "augmentedViews";
        public const string BalanceBreeds = "balanceBreeds";
        public const string WeightDecay = "weightDecay";
        public const string Patience = "patience";
        public const string UnseenBreeds = "unseenBreeds";
    }

    public static IReadOnlyList<SettingSpec> Schema(bool cuda) =>
    [
        SettingSpec.Bool(Names.TrainBackbone, "Train the whole network", cuda,
            "On: the exam's configuration (whole network, Adam 1e-5, 512 px; ~0.5 s per image per epoch on a CPU). Off: frozen backbone, features cached once, only the head trained (Adam 1e-2, 224 px). Default: on with CUDA, off on a CPU."),
        SettingSpec.Choice(Names.ImageSize, "Image size", "auto", ["auto", "224", "256", "512"], "auto = 512 when training the whole network, else 224."),
        SettingSpec.Int(Names.BatchSize, "Batch size", 0, 0, 1024, $"0 = the mode's default: {WholeNetworkBatchSize} for the whole network (the exam's), all rows in one batch for the head only."),
        SettingSpec.Double(Names.Lr, "Learning rate", 0, 0, 1, "0 = the mode's default: 1e-5 for the whole network, 1e-2 for the head only."),
        SettingSpec.Int(Names.Epochs, "Epochs", 0, 0, 1000,
            $"0 = the mode's default: {WholeNetworkEpochs} for the whole network (the exam's); for the head only at most {HeadMaxEpochs}, stopped early when the validation loss stops improving."),
        SettingSpec.Int(Names.MaxImages, "Max images", 0, 0, 100_000, "0 = all; otherwise a seeded, stratified subsample."),
        SettingSpec.Int(Names.Seed, "Seed", 43052, 0, int.MaxValue),
        SettingSpec.Choice(Names.Backbone, "Backbone", Backbones.Cntk.Id, [.. Backbones.All.Select(b => b.Id)],
            "cntk-resnet18: offline default (NuGet ONNX). torchvision-resnet18: resnet18-f37072fd.pth from Data:Root, else downloaded once from download.pytorch.org (needs a connection)."),
        SettingSpec.Choice(Names.Preprocessing, "Preprocessing", Preprocessings.Auto,
            [Preprocessings.Auto, Preprocessings.CntkBgrMean, Preprocessings.TorchvisionRgb01, Preprocessings.TorchvisionImagenet],
            "auto = what the backbone's weights expect (CNTK: BGR 0–255 minus the mean image; torchvision: RGB 0–1 as the exam's ToTensor)."),
        SettingSpec.Bool(Names.Download, "Download Oxford-IIIT Pet", false, "When no data set is in Data:Root, download Oxford-IIIT Pet (~800 MB) into State:Root."),
        SettingSpec.Int(Names.AugmentedViews, "Augmented views per photo", HeadTrainingSettings.Default.AugmentedViews, 0, 16,
            "Head only: extra views of each training photo (random resized crop, flip, colour jitter) whose features are cached beside the plain one."),
        SettingSpec.Bool(Names.BalanceBreeds, "Balance breeds", HeadTrainingSettings.Default.BalanceBreeds,
            "Head only: draw each epoch's rows so that every breed weighs the same within its class and cats weigh as much as dogs."),
        SettingSpec.Double(Names.WeightDecay, "Weight decay", HeadTrainingSettings.Default.WeightDecay, 0, 1, "Head only: Adam's L2 penalty."),
        SettingSpec.Int(Names.Patience, "Early-stopping patience", HeadTrainingSettings.Default.Patience, 0, 1000,
            "Head only: epochs without a better validation loss before training stops (the best epoch's head is kept); 0 = no early stopping, no validation split."),
        SettingSpec.Bool(Names.UnseenBreeds, "Evaluate unseen breeds", HeadTrainingSettings.Default.UnseenBreeds,
            "Head only: leave-one-breed-out over the breeds with the fewest photos (train without the breed, test on it), reported as unseenBreedAcc."),
    ];

    public static ResnetCamSettings From(RunSettings settings)
    {
        var backbone = Backbones.Get(settings.Text(Names.Backbone));
        var trainBackbone = settings.Bool(Names.TrainBackbone);
        var size = settings.Text(Names.ImageSize) is "auto" ? (trainBackbone ? 512 : 224) : int.Parse(settings.Text(Names.ImageSize), System.Globalization.CultureInfo.InvariantCulture);
        var lr = settings.Double(Names.Lr) > 0 ? settings.Double(Names.Lr) : trainBackbone ? 1e-5 : HeadLearningRate;
        var batch = settings.Int(Names.BatchSize) > 0 ? settings.Int(Names.BatchSize) : trainBackbone ? WholeNetworkBatchSize : HeadBatchSize;
        var epochs = settings.Int(Names.Epochs) > 0 ? settings.Int(Names.Epochs) : trainBackbone ? WholeNetworkEpochs : HeadMaxEpochs;
        var preprocessing = settings.Text(Names.Preprocessing) is Preprocessings.Auto ? backbone.DefaultPreprocessing : settings.Text(Names.Preprocessing);
        var head = new HeadTrainingSettings(settings.Int(Names.AugmentedViews), settings.Bool(Names.BalanceBreeds), settings.Double(Names.WeightDecay),
            settings.Int(Names.Patience), settings.Bool(Names.UnseenBreeds));
        return new ResnetCamSettings(backbone, preprocessing, size, batch, lr, epochs,
            trainBackbone, settings.Int(Names.MaxImages), settings.Int(Names.Seed), settings.Bool(Names.Download), head);
    }

    /// <summary>
    /// Refuses a whole-network batch of more than <see cref="MaxWholeNetworkBatchPixels"/>, naming batchSize: training
    /// the whole network keeps every photo's activations for the backward pass, so memory grows with batch × pixels.
    /// The head only trains on cached 512-value features (extracted in small fixed batches), so its batch is not limited.
    /// </summary>
    public static (string Setting, string Problem)? BatchMemory(RunSettings settings)
    {
        var s = From(settings);
        var pixels = (long)s.BatchSize * s.ImageSize * s.ImageSize;
        if (!s.TrainBackbone || pixels <= MaxWholeNetworkBatchPixels) return null;
        return (Names.BatchSize, $"training the whole network ({Names.TrainBackbone}) on a batch of {s.BatchSize} photos at {Names.ImageSize} {s.ImageSize} px holds {pixels:N0} pixels' activations; at most {MaxWholeNetworkBatchPixels:N0} (the exam's {WholeNetworkBatchSize} at 512 px) are accepted, so lower the batch size to {MaxWholeNetworkBatchPixels / ((long)s.ImageSize * s.ImageSize)}, lower the image size, or train the head only.");
    }

    public static bool CudaDefault() => DeviceInfo.Detect().Kind == "cuda";

    public LocalizableText Describe() => TrainBackbone
        ? ResnetCamTexts.Settings.Format(Backbone.Id, Preprocessing, ImageSize, ResnetCamTexts.WholeNetwork.Format(), $"{LearningRate:G3}", BatchSize, Epochs, Seed)
        : ResnetCamTexts.SettingsHeadOnly.Format(Backbone.Id, Preprocessing, ImageSize, $"{LearningRate:G3}",
            BatchSize > 0 ? ResnetCamTexts.Batch.Format(BatchSize) : ResnetCamTexts.FullBatch.Format(),
            Head.EarlyStopping ? ResnetCamTexts.EpochsUpTo.Format(Epochs, Head.Patience) : ResnetCamTexts.EpochsFixed.Format(Epochs),
            Head.Describe(), Seed);
}

using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>resnet-cam's settings with the mode-dependent defaults resolved.</summary>
internal sealed record ResnetCamSettings(
    BackboneSpec Backbone, string Preprocessing, int ImageSize, int BatchSize, double LearningRate,
    int Epochs, bool TrainBackbone, int MaxImages, int Seed, bool Download)
{
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
    }

    public static IReadOnlyList<SettingSpec> Schema(bool cuda) =>
    [
        SettingSpec.Bool(Names.TrainBackbone, "Train the whole network", cuda,
            "On: the exam's configuration (whole network, Adam 1e-5, 512 px; ~0.5 s per image per epoch on a CPU). Off: frozen backbone, features cached once, only the head trained (Adam 1e-3, 224 px). Default: on with CUDA, off on a CPU."),
        SettingSpec.Choice(Names.ImageSize, "Image size", "auto", ["auto", "224", "256", "512"], "auto = 512 when training the whole network, else 224."),
        SettingSpec.Int(Names.BatchSize, "Batch size", 32, 1, 256),
        SettingSpec.Double(Names.Lr, "Learning rate", 0, 0, 1, "0 = the mode's default: 1e-5 for the whole network, 1e-3 for the head only."),
        SettingSpec.Int(Names.Epochs, "Epochs", 3, 1, 100),
        SettingSpec.Int(Names.MaxImages, "Max images", 0, 0, 100_000, "0 = all; otherwise a seeded, stratified subsample."),
        SettingSpec.Int(Names.Seed, "Seed", 43052, 0, int.MaxValue),
        SettingSpec.Choice(Names.Backbone, "Backbone", Backbones.Cntk.Id, [.. Backbones.All.Select(b => b.Id)],
            "cntk-resnet18: offline default (NuGet ONNX). torchvision-resnet18: resnet18-f37072fd.pth from Data:Root, else downloaded once from download.pytorch.org (needs a connection)."),
        SettingSpec.Choice(Names.Preprocessing, "Preprocessing", Preprocessings.Auto,
            [Preprocessings.Auto, Preprocessings.CntkBgrMean, Preprocessings.TorchvisionRgb01, Preprocessings.TorchvisionImagenet],
            "auto = what the backbone's weights expect (CNTK: BGR 0–255 minus the mean image; torchvision: RGB 0–1 as the exam's ToTensor)."),
        SettingSpec.Bool(Names.Download, "Download Oxford-IIIT Pet", false, "When no data set is in Data:Root, download Oxford-IIIT Pet (~800 MB) into State:Root."),
    ];

    public static ResnetCamSettings From(RunSettings settings)
    {
        var backbone = Backbones.Get(settings.Text(Names.Backbone));
        var trainBackbone = settings.Bool(Names.TrainBackbone);
        var size = settings.Text(Names.ImageSize) is "auto" ? (trainBackbone ? 512 : 224) : int.Parse(settings.Text(Names.ImageSize), System.Globalization.CultureInfo.InvariantCulture);
        var lr = settings.Double(Names.Lr) > 0 ? settings.Double(Names.Lr) : trainBackbone ? 1e-5 : 1e-3;
        var preprocessing = settings.Text(Names.Preprocessing) is Preprocessings.Auto ? backbone.DefaultPreprocessing : settings.Text(Names.Preprocessing);
        return new ResnetCamSettings(backbone, preprocessing, size, settings.Int(Names.BatchSize), lr, settings.Int(Names.Epochs),
            trainBackbone, settings.Int(Names.MaxImages), settings.Int(Names.Seed), settings.Bool(Names.Download));
    }

    public static bool CudaDefault() => DeviceInfo.Detect().Kind == "cuda";

    public LocalizableText Describe() => ResnetCamTexts.Settings.Format(Backbone.Id, Preprocessing, ImageSize,
        (TrainBackbone ? ResnetCamTexts.WholeNetwork : ResnetCamTexts.HeadOnlyFrozen).Format(), $"{LearningRate:G3}", BatchSize, Epochs, Seed);
}

using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>The fashion-cnn problem's settings, typed, with the exam's defaults and ranges.</summary>
internal sealed record FashionSettings(
    string Architecture, string Layers, string Scale, string Optimizer, double Lr, int BatchSize, int Epochs, int TrainSubset, int Seed)
{
    /// <summary>The settings' names, as the schema and the settings JSON spell them.</summary>
    public static class Names
    {
        public const string Architecture = "architecture";
        public const string Layers = "layers";
        public const string Scale = "scale";
        public const string Optimizer = "optimizer";
        public const string Lr = "lr";
        public const string BatchSize = "batchSize";
        public const string Epochs = "epochs";
        public const string TrainSubset = "trainSubset";
        public const string Seed = "seed";
    }

    /// <summary>The exam CSV's 0–255 pixels instead of torchvision's 0–1.</summary>
    public const string Raw255Scale = "raw255";

    public static IReadOnlyList<SettingSpec> Schema { get; } =
    [
        SettingSpec.Choice(Names.Architecture, "Architecture", "reference", ["reference", "small", "custom"],
            "reference: Conv2d(1,64,5)→ReLU→MaxPool2→Conv2d(64,64,5)→ReLU→MaxPool2→Flatten→Linear(1024,10); small: Conv2d(1,16,5)→ReLU→MaxPool2→Flatten→Linear(2304,10); custom: the layers below"),
        SettingSpec.Text(Names.Layers, "Layers (custom)", CnnArchitecture.Reference.ToString(),
            "used when architecture is custom: conv(out,kernel), relu, maxpool(k), dropout(p), flatten, linear(out); must contain a conv and end with 10 outputs")
            with { Validator = ReadsAsLayers },
        SettingSpec.Choice(Names.Scale, "Pixel scale", "unit", ["unit", Raw255Scale],
            "unit: pixels /255 in 0–1 (torchvision). raw255: 0–255 as the exam CSV stores them — 255× larger inputs give huge first-layer activations and gradients, so training is unstable unless the learning rate drops"),
        SettingSpec.Choice(Names.Optimizer, "Optimizer", "adam", ["adam", "sgd"]),
        SettingSpec.Double(Names.Lr, "Learning rate", 1e-3, 1e-6, 1.0),
        SettingSpec.Int(Names.BatchSize, "Batch size", 256, 1, 8192),
        SettingSpec.Int(Names.Epochs, "Epochs", 3, 1, 200),
        SettingSpec.Int(Names.TrainSubset, "Training subset", 0, 0, 60_000, "0 = all 60,000 training images; otherwise the first N"),
        SettingSpec.Int(Names.Seed, "Seed", 43052, 0, int.MaxValue, "torch.manual_seed: initial weights and batch order"),
    ];

    public static FashionSettings From(RunSettings s) => new(
        s.Text(Names.Architecture), s.Text(Names.Layers), s.Text(Names.Scale), s.Text(Names.Optimizer), s.Double(Names.Lr),
        s.Int(Names.BatchSize), s.Int(Names.Epochs), s.Int(Names.TrainSubset), s.Int(Names.Seed));

    /// <summary>True when pixels stay 0–255.</summary>
    public bool Raw255 => Scale == Raw255Scale;

    /// <summary>
    /// The most layer-output values one training batch may hold: the reference CNN at the largest batch
    /// (8192 × ≈93,000 ≈ 0.76 billion) fits; a wide custom stack at a large batch, which would take tens of gigabytes, does not.
    /// </summary>
    public const long MaxBatchActivations = 1L << 30;

    /// <summary>Refuses a batch whose activations would pass <see cref="MaxBatchActivations"/>, naming batchSize.</summary>
    public static (string Setting, string Problem)? BatchMemory(RunSettings settings)
    {
        var s = From(settings);
        var perImage = CnnArchitecture.Named(s.Architecture, s.Layers).ActivationsPerImage;
        var batch = (long)s.BatchSize * perImage;
        return batch <= MaxBatchActivations ? null
            : (Names.BatchSize, $"a batch of {s.BatchSize} images through this stack holds {batch:N0} values ({perImage:N0} per image); at most {MaxBatchActivations:N0} are accepted, so lower the batch size to {MaxBatchActivations / perImage} or narrow the stack.");
    }

    /// <summary>Parsed when the run is submitted, so a bad stack is refused before any run exists.</summary>
    private static string? ReadsAsLayers(object value, SettingCheckContext context)
    {
        try
        {
            CnnArchitecture.Parse((string)value);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}

using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>Problem 8's settings, typed, with the exam's defaults.</summary>
public sealed record GanSettings(
    int Digit,
    int NoiseDim,
    int Hidden,
    int Epochs,
    double LrD,
    double LrG,
    int BatchSize,
    int GridEvery,
    int GridSize,
    GanLabels Labels,
    int Seed)
{
    /// <summary>The lecture's label choice: real = 0, fake = 1.</summary>
    public const string LectureLabels = "lecture";
    /// <summary>The usual choice: real = 1, fake = 0.</summary>
    public const string StandardLabels = "standard";

    /// <summary>The settings' names, as the schema, the settings JSON and the page spell them.</summary>
    public static class Names
    {
        /// <summary>The digit to draw.</summary>
        public const string Digit = "digit";
        /// <summary>Length of the generator's noise vector.</summary>
        public const string NoiseDim = "noiseDim";
        /// <summary>The generator's hidden width.</summary>
        public const string Hidden = "hidden";
        /// <summary>Epochs.</summary>
        public const string Epochs = "epochs";
        /// <summary>The discriminator's learning rate.</summary>
        public const string LrD = "lrD";
        /// <summary>The generator's learning rate.</summary>
        public const string LrG = "lrG";
        /// <summary>Batch size (0 = full batch).</summary>
        public const string BatchSize = "batchSize";
        /// <summary>Epochs between sample grids.</summary>
        public const string GridEvery = "gridEvery";
        /// <summary>Samples in a grid.</summary>
        public const string GridSize = "gridSize";
        /// <summary>Which label is real and which fake.</summary>
        public const string Labels = "labels";
        /// <summary>Seed.</summary>
        public const string Seed = "seed";
    }

    /// <summary>The settings schema with the exam's defaults and ranges.</summary>
    public static IReadOnlyList<SettingSpec> Schema { get; } =
    [
        SettingSpec.Int(Names.Digit, "Digit to draw", 8, 0, 9),
        SettingSpec.Int(Names.NoiseDim, "Noise dimension", 6, 1, 128),
        SettingSpec.Int(Names.Hidden, "Generator hidden width", 64, 4, 1024),
        SettingSpec.Int(Names.Epochs, "Epochs", 1000, 1, 20000),
        SettingSpec.Double(Names.LrD, "Discriminator learning rate (Adam)", 0.001, 1e-6, 1),
        SettingSpec.Double(Names.LrG, "Generator learning rate (Adam)", 0.0002, 1e-6, 1),
        SettingSpec.Int(Names.BatchSize, "Batch size (0 = full batch)", 0, 0, 60000,
            "0 trains on all images of the digit at once, with fresh noise every epoch."),
        SettingSpec.Int(Names.GridEvery, "Sample grid every n epochs", 50, 1, 10000),
        SettingSpec.Int(Names.GridSize, "Samples in the grid", 10, 1, 100,
            "10 gives the exam's 2×5 grid; more give rows of 10."),
        SettingSpec.Choice(Names.Labels, "Labels", LectureLabels, [LectureLabels, StandardLabels],
            "lecture: real = 0, fake = 1 (the course's choice); standard: real = 1, fake = 0."),
        SettingSpec.Int(Names.Seed, "Seed", 43052, 0, int.MaxValue),
    ];

    /// <summary>The exam's settings.</summary>
    public static GanSettings Defaults => From(SettingsBinder.Defaults(Schema));

    /// <summary>Reads validated run settings.</summary>
    public static GanSettings From(RunSettings settings) => new(
        settings.Int(Names.Digit),
        settings.Int(Names.NoiseDim),
        settings.Int(Names.Hidden),
        settings.Int(Names.Epochs),
        settings.Double(Names.LrD),
        settings.Double(Names.LrG),
        settings.Int(Names.BatchSize),
        settings.Int(Names.GridEvery),
        settings.Int(Names.GridSize),
        GanLabels.Named(settings.Text(Names.Labels)),
        settings.Int(Names.Seed));
}

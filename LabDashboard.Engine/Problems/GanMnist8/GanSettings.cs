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

    /// <summary>The settings schema with the exam's defaults and ranges.</summary>
    public static IReadOnlyList<SettingSpec> Schema { get; } =
    [
        SettingSpec.Int("digit", "Digit to draw", 8, 0, 9),
        SettingSpec.Int("noiseDim", "Noise dimension", 6, 1, 128),
        SettingSpec.Int("hidden", "Generator hidden width", 64, 4, 1024),
        SettingSpec.Int("epochs", "Epochs", 1000, 1, 20000),
        SettingSpec.Double("lrD", "Discriminator learning rate (Adam)", 0.001, 1e-6, 1),
        SettingSpec.Double("lrG", "Generator learning rate (Adam)", 0.0002, 1e-6, 1),
        SettingSpec.Int("batchSize", "Batch size (0 = full batch)", 0, 0, 60000,
            "0 trains on all images of the digit at once, with fresh noise every epoch."),
        SettingSpec.Int("gridEvery", "Sample grid every n epochs", 50, 1, 10000),
        SettingSpec.Int("gridSize", "Samples in the grid", 10, 1, 100,
            "10 gives the exam's 2×5 grid; more give rows of 10."),
        SettingSpec.Choice("labels", "Labels", LectureLabels, [LectureLabels, StandardLabels],
            "lecture: real = 0, fake = 1 (the course's choice); standard: real = 1, fake = 0."),
        SettingSpec.Int("seed", "Seed", 43052, 0, int.MaxValue),
    ];

    /// <summary>The exam's settings.</summary>
    public static GanSettings Defaults => From(SettingsBinder.Defaults(Schema));

    /// <summary>Reads validated run settings.</summary>
    public static GanSettings From(RunSettings settings) => new(
        settings.Int("digit"),
        settings.Int("noiseDim"),
        settings.Int("hidden"),
        settings.Int("epochs"),
        settings.Double("lrD"),
        settings.Double("lrG"),
        settings.Int("batchSize"),
        settings.Int("gridEvery"),
        settings.Int("gridSize"),
        GanLabels.Named(settings.Text("labels")),
        settings.Int("seed"));
}

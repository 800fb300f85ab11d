using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>The iris problem's settings, typed, with the exam's defaults and ranges.</summary>
public sealed record IrisSettings(
    int SplitSeed, double TrainFrac, int Seed, IReadOnlyList<int> Hidden, string Activation, double Dropout,
    string Optimizer, double Lr, int BatchSize, int Epochs, int ReportEvery, string DataFile)
{
    /// <summary>The settings' names, as the schema, the settings JSON and the page spell them.</summary>
    public static class Names
    {
        /// <summary>random_state of pandas' df.sample.</summary>
        public const string SplitSeed = "splitSeed";
        /// <summary>frac of df.sample.</summary>
        public const string TrainFrac = "trainFrac";
        /// <summary>torch.manual_seed.</summary>
        public const string Seed = "seed";
        /// <summary>Hidden layer widths.</summary>
        public const string Hidden = "hidden";
        /// <summary>Activation after each hidden layer.</summary>
        public const string Activation = "activation";
        /// <summary>Dropout after each hidden layer.</summary>
        public const string Dropout = "dropout";
        /// <summary>adam or sgd.</summary>
        public const string Optimizer = "optimizer";
        /// <summary>Learning rate.</summary>
        public const string Lr = "lr";
        /// <summary>Batch size (0 = full batch).</summary>
        public const string BatchSize = "batchSize";
        /// <summary>Epochs.</summary>
        public const string Epochs = "epochs";
        /// <summary>Epochs between reported points.</summary>
        public const string ReportEvery = "reportEvery";
        /// <summary>A CSV to read instead of the bundled rows.</summary>
        public const string DataFile = "dataFile";
    }

    /// <summary>The most hidden layers a network may have: a long list of wide layers would take the server's memory.</summary>
    public const int MaxHiddenLayers = 8;

    /// <summary>The settings schema.</summary>
    public static IReadOnlyList<SettingSpec> Schema { get; } =
    [
        SettingSpec.Int(Names.SplitSeed, "Split seed", 42, 0, int.MaxValue, "random_state of pandas' df.sample"),
        SettingSpec.Double(Names.TrainFrac, "Train fraction", 0.8, 0.01, 1.0, "frac of df.sample, in (0, 1]; the rest is the test set"),
        SettingSpec.Int(Names.Seed, "Seed", 43052, 0, int.MaxValue, "torch.manual_seed: initial weights, dropout and batch order"),
        SettingSpec.IntList(Names.Hidden, "Hidden layers", [16], 1, 1024, "widths of the hidden layers, e.g. [16] or [32, 16]")
            with { Validator = AtMostMaxHiddenLayers },
        SettingSpec.Choice(Names.Activation, "Activation", "relu", ["relu", "tanh", "sigmoid", "gelu"]),
        SettingSpec.Double(Names.Dropout, "Dropout", 0.0, 0.0, 0.9, "dropout after each hidden layer"),
        SettingSpec.Choice(Names.Optimizer, "Optimizer", "adam", ["adam", "sgd"]),
        SettingSpec.Double(Names.Lr, "Learning rate", 0.01, 1e-5, 1.0),
        SettingSpec.Int(Names.BatchSize, "Batch size", 0, 0, 100_000, "0 = the full training set in one batch"),
        SettingSpec.Int(Names.Epochs, "Epochs", 200, 1, 10_000),
        SettingSpec.Int(Names.ReportEvery, "Report every", 5, 1, 1000, "epochs between reported points"),
        SettingSpec.Text(Names.DataFile, "Data file", "", "id of an uploaded CSV with the columns of iris.csv (the upload button or POST /api/datasets/iris/uploads); empty = the bundled 150 rows")
            with { Validator = IrisUploads.CheckDataFile },
    ];

    private static string? AtMostMaxHiddenLayers(object value, SettingCheckContext context) =>
        ((IReadOnlyList<int>)value).Count is var count and > MaxHiddenLayers
            ? $"{count} hidden layers; at most {MaxHiddenLayers} are accepted"
            : null;

    /// <summary>Reads validated run settings.</summary>
    public static IrisSettings From(RunSettings s) => new(
        s.Int(Names.SplitSeed), s.Double(Names.TrainFrac), s.Int(Names.Seed), s.IntList(Names.Hidden), s.Text(Names.Activation),
        s.Double(Names.Dropout), s.Text(Names.Optimizer), s.Double(Names.Lr), s.Int(Names.BatchSize), s.Int(Names.Epochs),
        s.Int(Names.ReportEvery), s.Text(Names.DataFile));
}

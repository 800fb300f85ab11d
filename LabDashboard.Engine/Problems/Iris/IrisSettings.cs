using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>The iris problem's settings (names, exam defaults, ranges).</summary>
internal static class IrisSettings
{
    public const string SplitSeed = "splitSeed";
    public const string TrainFrac = "trainFrac";
    public const string Seed = "seed";
    public const string Hidden = "hidden";
    public const string Activation = "activation";
    public const string Dropout = "dropout";
    public const string Optimizer = "optimizer";
    public const string Lr = "lr";
    public const string BatchSize = "batchSize";
    public const string Epochs = "epochs";
    public const string ReportEvery = "reportEvery";
    public const string DataFile = "dataFile";

    public static IReadOnlyList<SettingSpec> Schema { get; } =
    [
        SettingSpec.Int(SplitSeed, "Split seed", 42, 0, int.MaxValue, "random_state of pandas' df.sample"),
        SettingSpec.Double(TrainFrac, "Train fraction", 0.8, 0.01, 1.0, "frac of df.sample, in (0, 1]; the rest is the test set"),
        SettingSpec.Int(Seed, "Seed", 43052, 0, int.MaxValue, "torch.manual_seed: initial weights, dropout and batch order"),
        SettingSpec.IntList(Hidden, "Hidden layers", [16], 1, 1024, "widths of the hidden layers, e.g. [16] or [32, 16]"),
        SettingSpec.Choice(Activation, "Activation", "relu", ["relu", "tanh", "sigmoid", "gelu"]),
        SettingSpec.Double(Dropout, "Dropout", 0.0, 0.0, 0.9, "dropout after each hidden layer"),
        SettingSpec.Choice(Optimizer, "Optimizer", "adam", ["adam", "sgd"]),
        SettingSpec.Double(Lr, "Learning rate", 0.01, 1e-5, 1.0),
        SettingSpec.Int(BatchSize, "Batch size", 0, 0, 100_000, "0 = the full training set in one batch"),
        SettingSpec.Int(Epochs, "Epochs", 200, 1, 10_000),
        SettingSpec.Int(ReportEvery, "Report every", 5, 1, 1000, "epochs between reported points"),
        SettingSpec.Text(DataFile, "Data file", "", "id of an uploaded CSV with the columns of iris.csv (the upload button or POST /api/datasets/iris/uploads); empty = the bundled 150 rows")
            with { Validator = IrisUploads.CheckDataFile },
    ];
}

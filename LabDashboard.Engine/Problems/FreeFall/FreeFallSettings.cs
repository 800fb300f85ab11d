using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.FreeFall;

/// <summary>free-fall's settings, typed, with the exam's values as defaults.</summary>
internal sealed record FreeFallSettings(int Seed, int N, double Noise, string Model, string Optimizer, double Lr, int Epochs, int ReportEvery)
{
    /// <summary>The settings' names, as the schema and the settings JSON spell them.</summary>
    public static class Names
    {
        public const string Seed = "seed";
        public const string N = "n";
        public const string Noise = "noise";
        public const string Model = "model";
        public const string Optimizer = "optimizer";
        public const string Lr = "lr";
        public const string Epochs = "epochs";
        public const string ReportEvery = "reportEvery";
    }

    public static IReadOnlyList<SettingSpec> Schema { get; } =
    [
        SettingSpec.Int(Names.Seed, "Seed", 43052, 0, int.MaxValue),
        SettingSpec.Int(Names.N, "Measurements", 100, 10, 100_000),
        SettingSpec.Double(Names.Noise, "Noise (s)", 0.1, 0, 10, "Standard deviation of the timing noise."),
        SettingSpec.Choice(Names.Model, "Model", "sqrtLinear", ["sqrtLinear", "mlp"], "sqrtLinear: t = β0 + β1·√h; mlp: a small ReLU MLP on raw h."),
        SettingSpec.Choice(Names.Optimizer, "Optimizer", "adam", ["adam", "sgd"]),
        SettingSpec.Double(Names.Lr, "Learning rate", 0.01, 1e-6, 10),
        SettingSpec.Int(Names.Epochs, "Epochs", 1000, 1, 100_000),
        SettingSpec.Int(Names.ReportEvery, "Report every (epochs)", 10, 1, 10_000),
    ];

    public static FreeFallSettings From(RunSettings s) => new(
        s.Int(Names.Seed), s.Int(Names.N), s.Double(Names.Noise), s.Text(Names.Model),
        s.Text(Names.Optimizer), s.Double(Names.Lr), s.Int(Names.Epochs), s.Int(Names.ReportEvery));
}

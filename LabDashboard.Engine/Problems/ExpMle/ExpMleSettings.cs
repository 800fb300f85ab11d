using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.ExpMle;

/// <summary>exp-mle's settings, typed, with the exam's values as defaults.</summary>
internal sealed record ExpMleSettings(int Seed, int N, double TrueMean, double InitLambda, string Optimizer, double Lr, int Steps, int ReportEvery)
{
    /// <summary>The settings' names, as the schema and the settings JSON spell them.</summary>
    public static class Names
    {
        public const string Seed = "seed";
        public const string N = "n";
        public const string TrueMean = "trueMean";
        public const string InitLambda = "initLambda";
        public const string Optimizer = "optimizer";
        public const string Lr = "lr";
        public const string Steps = "steps";
        public const string ReportEvery = "reportEvery";
    }

    public static IReadOnlyList<SettingSpec> Schema { get; } =
    [
        SettingSpec.Int(Names.Seed, "Seed", 43052, 0, int.MaxValue),
        SettingSpec.Int(Names.N, "Sample size", 10000, 10, 1_000_000),
        SettingSpec.Double(Names.TrueMean, "True mean", 2, 0.01, 1000, "The mean of the distribution the sample is drawn from."),
        SettingSpec.Double(Names.InitLambda, "Initial λ", 1, 0.01, 1000),
        SettingSpec.Choice(Names.Optimizer, "Optimizer", "sgd", ["sgd", "adam"]),
        SettingSpec.Double(Names.Lr, "Learning rate", 0.05, 1e-6, 10),
        SettingSpec.Int(Names.Steps, "Steps", 1000, 1, 100_000),
        SettingSpec.Int(Names.ReportEvery, "Report every (steps)", 10, 1, 10_000),
    ];

    public static ExpMleSettings From(RunSettings s) => new(
        s.Int(Names.Seed), s.Int(Names.N), s.Double(Names.TrueMean), s.Double(Names.InitLambda),
        s.Text(Names.Optimizer), s.Double(Names.Lr), s.Int(Names.Steps), s.Int(Names.ReportEvery));
}

using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>conv-einsum's settings, typed.</summary>
internal sealed record ConvEinsumSettings(int Seed)
{
    /// <summary>The settings' names, as the schema and the settings JSON spell them.</summary>
    public static class Names
    {
        public const string Seed = "seed";
    }

    public static IReadOnlyList<SettingSpec> Schema { get; } =
        [SettingSpec.Int(Names.Seed, "Seed of X", 43052, 0, int.MaxValue, "Seeds the local generator that draws X (10, 3, 28, 28) and W.")];

    public static ConvEinsumSettings From(RunSettings s) => new(s.Int(Names.Seed));
}

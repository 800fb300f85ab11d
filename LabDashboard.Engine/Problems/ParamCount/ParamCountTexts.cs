using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>param-count's check names and details, keyed for the pages' languages.</summary>
internal static class ParamCountTexts
{
    public static readonly TextTemplate PairCheck = new("param-count.check.pair", "pair{0}");
    public static readonly TextTemplate PairDetail = new("param-count.check.pair.detail", "pair {0}: {1} {2} vs {3} {4} → {5} (exam: {6}, {7} vs {8})");
}

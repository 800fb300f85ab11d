using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ExpMle;

/// <summary>exp-mle's texts (checks, run messages, captions, errors), keyed for the pages' languages.</summary>
internal static class ExpMleTexts
{
    public static readonly TextTemplate GapCheck = new("exp-mle.check.gap", "|λ − x̄| < 1e-3");
    public static readonly TextTemplate GapDetail = new("exp-mle.check.gap.detail", "λ = {0}, x̄ = {1}, |λ − x̄| = {2}");
}

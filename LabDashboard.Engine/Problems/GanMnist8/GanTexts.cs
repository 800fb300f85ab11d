using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>gan-mnist8's check names and details, keyed for the pages' languages.</summary>
internal static class GanTexts
{
    public static readonly TextTemplate DigitCheck = new("gan-mnist8.check.digit", "Samples look like the digit");
    public static readonly TextTemplate DigitDetail = new("gan-mnist8.check.digit.detail", "The classifier gives the final grid a mean probability of {0} of being a {1} (goal ≥ {2}); {3} of its samples reach p ≥ {4}. Best grid: epoch {5} ({6}).");
}

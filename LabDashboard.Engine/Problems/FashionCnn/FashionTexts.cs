using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>fashion-cnn's check names and details, keyed for the pages' languages.</summary>
internal static class FashionTexts
{
    public static readonly TextTemplate TestAccCheck = new("fashion-cnn.check.testAcc", "testAcc");
    public static readonly TextTemplate TestAccDetail = new("fashion-cnn.check.testAcc.detail", "test accuracy {0} (needs ≥ {1})");
}

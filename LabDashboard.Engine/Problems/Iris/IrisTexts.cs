using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>iris's texts (checks, run messages, captions, errors), keyed for the pages' languages.</summary>
internal static class IrisTexts
{
    public static readonly TextTemplate TestAccCheck = new("iris.check.testAcc", "testAcc");
    public static readonly TextTemplate TestAccDetail = new("iris.check.testAcc.detail", "test accuracy {0} (needs ≥ {1})");
    public static readonly TextTemplate ReadingUpload = new("iris.log.readingUpload", "Reading the uploaded CSV {0}.");
}

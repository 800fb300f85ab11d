using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>fashion-cnn's texts (checks, run messages, captions, errors), keyed for the pages' languages.</summary>
internal static class FashionTexts
{
    public static readonly TextTemplate TestAccCheck = new("fashion-cnn.check.testAcc", "testAcc");
    public static readonly TextTemplate TestAccDetail = new("fashion-cnn.check.testAcc.detail", "test accuracy {0} (needs ≥ {1})");
    public static readonly TextTemplate Training = new("fashion-cnn.log.training", "Training {0} ({1} parameters) on {2} images.");
    public static readonly TextTemplate Saved = new("fashion-cnn.log.saved", "Saved the model to {0}.");
    public static readonly TextTemplate FiltersCaption = new("fashion-cnn.caption.filters", "first-layer filters ({0} × {1}×{2}), each stretched to its own range");
    public static readonly TextTemplate FeatureMapsCaption = new("fashion-cnn.caption.featureMaps", "first-layer feature maps of test image 0 ({0})");
}

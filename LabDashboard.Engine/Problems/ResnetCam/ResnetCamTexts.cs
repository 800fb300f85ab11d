using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>resnet-cam's check names and details, keyed for the pages' languages.</summary>
internal static class ResnetCamTexts
{
    public static readonly TextTemplate TestAccCheck = new("resnet-cam.check.testAcc", "testAcc ≥ 0.90");
    public static readonly TextTemplate TestAccDetail = new("resnet-cam.check.testAcc.detail", "held-out accuracy {0} on {1} images");
    public static readonly TextTemplate UnseenBreedCheck = new("resnet-cam.check.unseenBreedAcc", "unseenBreedAcc ≥ 0.95");
    public static readonly TextTemplate UnseenBreedDetail = new("resnet-cam.check.unseenBreedAcc.detail", "mean accuracy {0} over {1} breeds left out of training");
    public static readonly TextTemplate ConfidenceCheck = new("resnet-cam.check.confidence", "mean confidence when right ≥ 0.90");
    public static readonly TextTemplate ConfidenceDetail = new("resnet-cam.check.confidence.detail", "{0} over {1} right held-out answers, {2} over {3} wrong ones");
}

using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>resnet-cam's check names and details, keyed for the pages' languages.</summary>
internal static class ResnetCamTexts
{
    public static readonly TextTemplate TestAccCheck = new("resnet-cam.check.testAcc", "testAcc ≥ 0.90");
    public static readonly TextTemplate TestAccDetail = new("resnet-cam.check.testAcc.detail", "held-out accuracy {0} on {1} images");
}

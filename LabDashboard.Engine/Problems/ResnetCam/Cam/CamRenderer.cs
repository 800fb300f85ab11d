using LabDashboard.Engine.Data.Images;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Cam;

/// <summary>A rendered explanation: the heatmap at the input's size, and the legend's range.</summary>
internal sealed record CamRendering(RgbImage Heatmap, float Low, float High, double MapMean);

/// <summary>CAM (or Grad-CAM) for one image: map, sign for the predicted class, upsample, colour.</summary>
internal static class CamRenderer
{
    public static CamRendering Render(RgbImage input, Tensor layer4, Tensor weight, Tensor bias, double logit, string colormap, bool gradCam = false)
    {
        using var scope = NewDisposeScope();
        var raw = gradCam ? CamMath.GradCam(layer4, weight, bias) : CamMath.ClassActivationMap(layer4, weight, bias);
        var mapMean = raw.mean().item<float>();
        var signed = gradCam ? raw : CamMath.ForPredictedClass(raw, logit);
        var upsampled = CamMath.Upsample(signed, input.Height, input.Width).contiguous().data<float>().ToArray();
        var (heatmap, low, high) = OverlayRenderer.Heatmap(upsampled, input.Width, input.Height, colormap);
        return new CamRendering(heatmap, low, high, mapMean);
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Cam;

/// <summary>The class activation map as the lecture computes it.</summary>
internal static class CamMath
{
    /// <summary>
    /// M = Σ_k w_k·A_k + b for layer4's map A [512, h, w] and the head's weight w [512] and bias b.
    /// Its spatial mean is the logit (the head sees the spatial mean of A).
    /// </summary>
    public static Tensor ClassActivationMap(Tensor layer4, Tensor headWeight, Tensor headBias) =>
        einsum("k,khw->hw", headWeight.reshape(-1), layer4.to(ScalarType.Float32)) + headBias.reshape(-1)[0];

    /// <summary>Negated for a cat prediction, so high always means "evidence for the predicted class".</summary>
    public static Tensor ForPredictedClass(Tensor cam, double logit) => logit >= 0 ? cam.alias() : -cam;

    /// <summary>Bilinear upsampling [h, w] → [height, width].</summary>
    public static Tensor Upsample(Tensor cam, int height, int width) =>
        nn.functional.interpolate(cam.unsqueeze(0).unsqueeze(0), [height, width], mode: InterpolationMode.Bilinear, align_corners: false)
            .squeeze(0).squeeze(0);

    /// <summary>
    /// Grad-CAM on layer4: α_k = mean over space of ∂logit/∂A_k, map = ReLU(Σ_k α_k·A_k). With global
    /// average pooling and a linear head, α_k = w_k/(h·w), so this is ReLU(CAM − b)/(h·w): same picture.
    /// </summary>
    public static Tensor GradCam(Tensor layer4, Tensor headWeight, Tensor headBias)
    {
        using var scope = NewDisposeScope();
        using var enabled = enable_grad();
        var a = layer4.to(ScalarType.Float32).detach().requires_grad_(true);
        var logit = nn.functional.linear(a.mean([1, 2]).unsqueeze(0), headWeight.detach(), headBias.detach()).sum();
        var gradient = autograd.grad([logit], [a])[0];
        var alpha = gradient.mean([1, 2]);
        return nn.functional.relu(einsum("k,khw->hw", alpha, a)).detach().MoveToOuterDisposeScope();
    }
}

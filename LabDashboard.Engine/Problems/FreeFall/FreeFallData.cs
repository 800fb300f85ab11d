using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.FreeFall;

/// <summary>The measurements: heights h (m, sorted) and noisy fall times t (s).</summary>
internal sealed record FreeFallData(float[] H, float[] T)
{
    public const double Gravity = 9.8;
    public const double MaxHeight = 100;

    /// <summary>
    /// PyTorch: <c>h = torch.sort(torch.rand(n) * 100).values; t = torch.sqrt(2 * h / 9.8) + noise * torch.randn(n)</c>,
    /// drawn right after <c>torch.manual_seed(seed)</c> (seed 43052 → last point h = 99.3920, t = 4.4583).
    /// </summary>
    public static FreeFallData Draw(int n, double noise)
    {
        using var scope = NewDisposeScope();
        var h = sort(rand(n) * MaxHeight).values;
        var t = sqrt(2 * h / Gravity) + noise * randn(n);
        return new FreeFallData(h.data<float>().ToArray(), t.data<float>().ToArray());
    }

    /// <summary>√(2h/g), the physics answer.</summary>
    public static double IdealTime(double h) => Math.Sqrt(2 * h / Gravity);
}

/// <summary>A curve or point set for pages: <c>points</c> (the measurements) and <c>fit</c> (the model's curve).</summary>
public sealed record FreeFallSeries(double[] H, double[] T)
{
    /// <summary>The payload of the measurements, sent once at the start.</summary>
    public const string PointsPayload = "points";
    /// <summary>The payload of the model's curve, sent with every reported point.</summary>
    public const string FitPayload = "fit";

    internal static FreeFallSeries Of(FreeFallData data) =>
        new(data.H.Select(v => (double)v).ToArray(), data.T.Select(v => (double)v).ToArray());
}

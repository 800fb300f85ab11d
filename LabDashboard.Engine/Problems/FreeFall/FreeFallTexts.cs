using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.FreeFall;

/// <summary>free-fall's texts (checks, run messages, captions, errors), keyed for the pages' languages.</summary>
internal static class FreeFallTexts
{
    public static readonly TextTemplate PredictionCheck = new("free-fall.check.prediction", "t({0} m) within 0.05 s of √(2h/9.8)");
    public static readonly TextTemplate PredictionDetail = new("free-fall.check.prediction.detail", "predicted {0} s, √(2·{1}/9.8) = {2} s, off by {3} s");
}

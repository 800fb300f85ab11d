using LabDashboard.Web;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>How engine text with filled-in parts is matched against the templates.</summary>
public class EngineLocalizerTests : LabComponentTest
{
    [Theory]
    [InlineData("test accuracy 0.912 (needs ≥ 0.70)", "테스트 정확도 0.912 (기준 ≥ 0.70)")]
    [InlineData("Layer 2 (Linear(5, 1)): expects the last dimension to be 5, but the input is (1, 1, 28, 28). Add a Flatten layer before it?",
        "층 2 (Linear(5, 1)): 마지막 차원이 5이어야 하는데 입력은 (1, 1, 28, 28)입니다. 앞에 Flatten 층을 넣어 볼까요?")]
    [InlineData("Pair 3: conv1", "쌍 3: conv1")]
    [InlineData("λ", "λ")]
    public void Korean_keeps_the_engine_numbers_and_translates_nested_text(string english, string korean)
    {
        using var _ = UiCulture.Use("ko");

        Assert.Equal(korean, Services.GetRequiredService<EngineLocalizer>()[english]);
    }
}

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
    [InlineData("run r1: resnet18, imagenet, 224px, head only, test accuracy 91.2%", "실행 r1: resnet18, imagenet, 224px, 헤드만, 테스트 정확도 91.2%")]
    [InlineData("Estimate on cpu: 3 epochs of the whole network on 80 images at 512px ≈ 0:12:00.", "cpu에서의 예상: 512px로 이미지 80장으로 네트워크 전체를 3 에폭 학습 ≈ 0:12:00.")]
    [InlineData("Animated Gif: only the first frame is used.", "움직이는 Gif: 첫 프레임만 사용합니다.")]
    [InlineData("The Webp image cannot be decoded (damaged, or a variant that is not supported).", "Webp 이미지를 디코딩할 수 없습니다 (손상되었거나 지원되지 않는 변형입니다).")]
    [InlineData("Unknown problem 'nope'.", "알 수 없는 문제 'nope'.")]
    [InlineData("completed after 12.3 s", "12.3초 후 완료")]
    [InlineData("CUDA libtorch is installed but no GPU is visible.", "CUDA libtorch가 설치되어 있지만 보이는 GPU가 없습니다.")]
    [InlineData("Waiting for the device: 2 ahead in the queue.", "장치를 기다리는 중: 대기열에서 앞에 2개가 있습니다.")]
    [InlineData("Fashion-MNIST from the IDX files in /data/fashion-mnist", "/data/fashion-mnist의 IDX 파일에서 읽은 Fashion-MNIST")]
    public void Korean_keeps_the_engine_numbers_and_translates_nested_text(string english, string korean)
    {
        using var _ = UiCulture.Use("ko");

        Assert.Equal(korean, Services.GetRequiredService<EngineLocalizer>()[english]);
    }
}

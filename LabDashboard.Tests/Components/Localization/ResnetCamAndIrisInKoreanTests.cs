using Bunit;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine;
using LabDashboard.Web.Components.Problems.FashionCnn;
using LabDashboard.Web.Components.Problems.GanMnist8;
using LabDashboard.Web.Components.Problems.Iris;
using LabDashboard.Web.Components.Problems.ResnetCam;
using LabDashboard.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Localization;

/// <summary>The resnet-cam and iris components (and the later problems' run-free parts) speak Korean under <c>ko</c> and stay English under <c>en</c>.</summary>
public class ResnetCamAndIrisInKoreanTests : LabComponentTest
{
    private static readonly TrainedModelInfo Model = new("r1", "resnet18", "imagenet", 224, false, "catsdogs", DateTimeOffset.UnixEpoch, 0.912);

    private readonly TempFolder _state = new();

    public ResnetCamAndIrisInKoreanTests()
    {
        var paths = new LabPaths([_state.Path], _state.Path);
        Services.AddSingleton(paths);
        Services.AddSingleton(new CamService(paths));
        Services.AddSingleton(new DeviceInfo("cpu", "test", 2));
    }

    [Theory]
    [InlineData("en", "No trained resnet-cam model yet: train one (head only takes a few minutes on a CPU), then come back.")]
    [InlineData("ko", "아직 학습된 resnet-cam 모델이 없습니다. 먼저 모델을 학습한 뒤(헤드만 학습하면 CPU에서 몇 분이면 됩니다) 다시 오세요.")]
    public void CamExplainPanel_without_a_model_says_so_in_the_UI_language(string culture, string text)
    {
        using var _ = UiCulture.Use(culture);

        var panel = Render<CamExplainPanel>(p => p.Add(c => c.Models, []));

        Assert.Equal(text, panel.Find("[data-testid=cam-no-model]").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Choose a photo", "or drop it here, or paste it (Ctrl+V)", "Colormap", "Method", "CAM (fc weights)")]
    [InlineData("ko", "사진 선택", "또는 여기에 끌어다 놓거나 붙여 넣으세요 (Ctrl+V)", "컬러맵", "방법", "CAM (fc 가중치)")]
    public void CamExplainPanel_with_a_model_labels_its_choices_and_drop_zone(string culture, string choose, string hint, string colormap, string method, string cam)
    {
        using var _ = UiCulture.Use(culture);

        var panel = Render<CamExplainPanel>(p => p.Add(c => c.Models, [Model]));

        Assert.Equal(choose, panel.Find("input[type=file]").GetAttribute("aria-label"));
        Assert.Contains(hint, panel.Find("[data-testid=image-drop-zone]").TextContent);
        var labels = panel.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains(colormap, labels);
        Assert.Contains(method, labels);
        Assert.Contains(cam, panel.Markup);
    }

    [Theory]
    [InlineData("en", "Before you train:", "head only (frozen backbone), Adam lr", "No data set yet: looked for oxford-iiit-pet/ and catsdogs/ in")]
    [InlineData("ko", "학습 전에:", "헤드만 (백본 고정), Adam 학습률", "아직 데이터 세트가 없습니다:")]
    public void RunPlanNote_explains_the_resolved_settings_and_the_data(string culture, string before, string resolved, string data)
    {
        using var _ = UiCulture.Use(culture);

        var note = Render<RunPlanNote>(p => p.Add(n => n.Problem, new ResnetCamProblem().Descriptor).Add(n => n.Values, new Dictionary<string, object?>()));

        var text = note.Find("[data-testid=resnet-plan]").TextContent;
        Assert.Contains(before, text);
        Assert.Contains(resolved, text);
        Assert.Contains(data, text);
    }

    [Theory]
    [InlineData("en", "1 mistakes shown first", "✗ dog (P(dog) 0.80) · true cat", "a.jpg: cat, predicted dog")]
    [InlineData("ko", "틀린 예측 1개를 먼저 보여 주고", "✗ 개 (P(dog) 0.80) · 정답 고양이", "a.jpg: 고양이, 예측 개")]
    public void CamGallery_captions_in_the_UI_language(string culture, string summary, string caption, string alt)
    {
        using var _ = UiCulture.Use(culture);
        GalleryItem[] items = [new("a.png", "a.jpg", "cat", "dog", 0.8), new("b.png", "b.jpg", "dog", "dog", 0.99)];

        var gallery = Render<CamGallery>(p => p.Add(g => g.RunId, "r1").Add(g => g.Items, items));

        Assert.Contains(summary, gallery.Markup);
        Assert.Contains(caption, gallery.Find("figcaption").TextContent);
        Assert.Equal(alt, gallery.Find("img").GetAttribute("alt"));
    }

    [Theory]
    [InlineData("en", "evidence for the predicted class", "Colour scale magma: 0 to 1")]
    [InlineData("ko", "예측한 클래스의 근거", "색 척도 magma: 0 ~ 1")]
    public void CamLegend_default_caption_and_name_in_the_UI_language(string culture, string caption, string name)
    {
        using var _ = UiCulture.Use(culture);

        var legend = Render<CamLegend>(p => p.Add(l => l.Low, 0f).Add(l => l.High, 1f));

        Assert.Contains(caption, legend.Markup);
        Assert.Equal(name, legend.Find("[data-testid=cam-legend]").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("en", "Train (120 rows, in sampled order)", "Test (30 rows, ascending)", "Predicted")]
    [InlineData("ko", "학습 (120 행, 샘플링된 순서)", "테스트 (30 행, 오름차순)", "예측")]
    public void IrisSplitTables_headings_in_the_UI_language(string culture, string train, string test, string predicted)
    {
        using var _ = UiCulture.Use(culture);
        var rows = IrisTable.Load();
        var split = PandasSplit.Sample(rows.Count, 0.8, 42);

        var view = Render<IrisSplitTables>(p => p.Add(c => c.Split, new IrisSplitData(split.Train, split.Test, rows)).Add(c => c.Predicted, rows.Select(r => r.Species).ToArray()));

        Assert.Equal([train, test], view.FindAll("h3").Select(h => System.Text.RegularExpressions.Regex.Replace(h.TextContent.Trim(), @"\s+", " ")));
        Assert.Equal(predicted, view.FindAll("[data-testid=iris-test-table] th").Last().TextContent);
    }

    [Theory]
    [InlineData("en", "● test · ○ train", "mistake (1)", "predicted setosa", "PetalLength (cm)", "#2: virginica → virginica (train)")]
    [InlineData("ko", "● 테스트 · ○ 학습", "오분류 (1)", "예측 setosa", "PetalLength (꽃잎 길이, cm)", "#2: virginica → virginica (학습)")]
    public void PetalScatter_axes_legend_and_points_in_the_UI_language(string culture, string sides, string mistakes, string predicted, string axis, string point)
    {
        using var _ = UiCulture.Use(culture);
        var scatter = new IrisScatterData([0, 1, 2], [1.4f, 4.5f, 5.9f], [0.2f, 1.5f, 2.1f], [0, 1, 2], [0, 2, 2], [true, true, false], IrisTable.SpeciesNames);

        var view = Render<PetalScatter>(p => p.Add(c => c.Scatter, scatter));

        var legend = view.Find("figcaption").TextContent;
        Assert.Contains(sides, legend);
        Assert.Contains(mistakes, legend);
        Assert.Contains(predicted, legend);
        Assert.Contains(axis, view.FindAll("svg > text").Select(t => t.TextContent));
        Assert.Equal(point, view.Find("circle[data-row='2'] title").TextContent);
    }

    [Theory]
    [InlineData("en", "Train to see the generator's samples; a grid appears every gridEvery epochs.")]
    [InlineData("ko", "학습하면 생성자의 샘플이 보입니다. gridEvery 에폭마다 격자가 하나씩 나타납니다.")]
    public void GanGridHistory_before_a_run_in_the_UI_language(string culture, string text)
    {
        using var _ = UiCulture.Use(culture);

        var history = Render<GridHistory>();

        Assert.Equal(text, history.Find("[data-testid=no-grid]").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Train a model first: each finished run saves one.")]
    [InlineData("ko", "먼저 모델을 학습하세요. 끝난 실행마다 모델이 하나씩 저장됩니다.")]
    public void FashionPredictPanel_without_a_model_in_the_UI_language(string culture, string text)
    {
        using var _ = UiCulture.Use(culture);

        var panel = Render<FashionPredictPanel>();

        Assert.Equal(text, panel.Find("[data-testid=fashion-predict-nomodel]").TextContent.Trim());
    }

    protected override void Dispose(bool disposing)
    {
        _state.Dispose();
        base.Dispose(disposing);
    }
}

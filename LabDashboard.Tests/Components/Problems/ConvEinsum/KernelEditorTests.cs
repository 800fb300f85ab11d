using Bunit;
using LabDashboard.Engine.Problems.ConvEinsum;
using LabDashboard.Web.Components.Problems.ConvEinsum;

namespace LabDashboard.Tests.Components.Problems.ConvEinsum;

public class KernelEditorTests : LabComponentTest
{
    private Kernel4x4? _changed;

    private IRenderedComponent<KernelEditor> RenderEditor(Kernel4x4 kernel) => Render<KernelEditor>(p => p
        .Add(e => e.Title, "Channel 0")
        .Add(e => e.Kernel, kernel)
        .Add(e => e.KernelChanged, (Kernel4x4 k) => _changed = k));

    [Fact]
    public void The_editor_shows_the_sixteen_values_of_the_kernel()
    {
        var cut = RenderEditor(KernelPresets.ExamHorizontal.Kernel);
        var values = cut.FindAll("input.kernel-cell").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["0", "0", "0", "0", "0", "-1", "-1", "0", "0", "1", "1", "0", "0", "0", "0", "0"], values);
    }

    [Fact]
    public void Typing_a_number_in_a_cell_raises_the_edited_kernel_at_once()
    {
        var cut = RenderEditor(KernelPresets.ExamHorizontal.Kernel);
        cut.Find("input[aria-label='Channel 0 row 1 column 4']").Input("2.5");
        Assert.NotNull(_changed);
        Assert.Equal(2.5f, _changed![0, 3]);
        Assert.Equal(KernelPresets.ExamHorizontal.Kernel.With(0, 3, 2.5f), _changed);
    }

    [Fact]
    public void Text_that_is_not_a_number_marks_the_cell_invalid_and_changes_nothing()
    {
        var cut = RenderEditor(KernelPresets.ExamHorizontal.Kernel);
        cut.Find("input[aria-label='Channel 0 row 2 column 2']").Input("-");
        Assert.Null(_changed);
        var cell = cut.Find("input[aria-label='Channel 0 row 2 column 2']");
        Assert.Equal("true", cell.GetAttribute("aria-invalid"));
        Assert.Contains("invalid", cell.ClassList);
    }

    [Fact]
    public void A_preset_button_replaces_the_whole_kernel()
    {
        var cut = RenderEditor(KernelPresets.ExamHorizontal.Kernel);
        cut.Find("button[aria-label='Channel 0: Laplacian']").Click();
        Assert.Equal(KernelPresets.Find("laplacian")!.Kernel, _changed);
    }

    [Fact]
    public void A_new_kernel_from_the_parent_is_shown_in_the_cells()
    {
        var cut = RenderEditor(KernelPresets.ExamHorizontal.Kernel);
        cut.Render(p => p.Add(e => e.Kernel, KernelPresets.ExamVertical.Kernel));
        Assert.Equal("-1", cut.Find("input[aria-label='Channel 0 row 2 column 3']").GetAttribute("value"));
    }

    [Fact]
    public void Cells_are_coloured_on_the_diverging_scale_red_positive_blue_negative()
    {
        var cut = RenderEditor(KernelPresets.ExamHorizontal.Kernel);
        Assert.Contains("rgb(178, 24, 43)", cut.Find("input[aria-label='Channel 0 row 3 column 2']").GetAttribute("style"));
        Assert.Contains("rgb(33, 102, 172)", cut.Find("input[aria-label='Channel 0 row 2 column 2']").GetAttribute("style"));
        Assert.Contains("rgb(247, 247, 247)", cut.Find("input[aria-label='Channel 0 row 1 column 1']").GetAttribute("style"));
    }
}

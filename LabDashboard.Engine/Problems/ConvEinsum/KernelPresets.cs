using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>A named kernel the editor offers.</summary>
/// <param name="Id">Stable id, e.g. <c>exam-horizontal</c>.</param>
/// <param name="Label">Short label for a menu.</param>
/// <param name="Kernel">The kernel.</param>
/// <param name="Note">What it detects or does.</param>
public sealed record KernelPreset(string Id, LocalizableText Label, Kernel4x4 Kernel, LocalizableText Note);

/// <summary>The exam's two edge kernels and a few classics (3×3 ones sit in the top-left of the 4×4 grid).</summary>
public static class KernelPresets
{
    /// <summary>The exam's horizontal-edge kernel (channel 0).</summary>
    public static KernelPreset ExamHorizontal { get; } = new("exam-horizontal", ConvEinsumTexts.ExamHorizontal.Format(),
        Kernel4x4.FromRows([0, 0, 0, 0], [0, -1, -1, 0], [0, 1, 1, 0], [0, 0, 0, 0]),
        ConvEinsumTexts.ExamHorizontalNote.Format());

    /// <summary>The exam's vertical-edge kernel (channel 1).</summary>
    public static KernelPreset ExamVertical { get; } = new("exam-vertical", ConvEinsumTexts.ExamVertical.Format(),
        Kernel4x4.FromRows([0, 0, 0, 0], [0, 1, -1, 0], [0, 1, -1, 0], [0, 0, 0, 0]),
        ConvEinsumTexts.ExamVerticalNote.Format());

    /// <summary>Every preset, exam ones first.</summary>
    public static IReadOnlyList<KernelPreset> All { get; } =
    [
        ExamHorizontal,
        ExamVertical,
        new("sobel-x", ConvEinsumTexts.SobelX.Format(), Kernel4x4.FromRows([-1, 0, 1], [-2, 0, 2], [-1, 0, 1]),
            ConvEinsumTexts.SobelXNote.Format()),
        new("sobel-y", ConvEinsumTexts.SobelY.Format(), Kernel4x4.FromRows([-1, -2, -1], [0, 0, 0], [1, 2, 1]),
            ConvEinsumTexts.SobelYNote.Format()),
        new("laplacian", ConvEinsumTexts.Laplacian.Format(), Kernel4x4.FromRows([0, 1, 0], [1, -4, 1], [0, 1, 0]),
            ConvEinsumTexts.LaplacianNote.Format()),
        new("box-blur", ConvEinsumTexts.BoxBlur.Format(), new Kernel4x4(Enumerable.Repeat(1f / 16, 16).ToArray()),
            ConvEinsumTexts.BoxBlurNote.Format()),
    ];

    /// <summary>The preset with this id, or null.</summary>
    public static KernelPreset? Find(string id) => All.FirstOrDefault(p => p.Id == id);
}

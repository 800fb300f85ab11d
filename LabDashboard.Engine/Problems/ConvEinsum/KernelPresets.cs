namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>A named kernel the editor offers.</summary>
/// <param name="Id">Stable id, e.g. <c>exam-horizontal</c>.</param>
/// <param name="Label">Short label for a menu.</param>
/// <param name="Kernel">The kernel.</param>
/// <param name="Note">What it detects or does.</param>
public sealed record KernelPreset(string Id, string Label, Kernel4x4 Kernel, string Note);

/// <summary>The exam's two edge kernels and a few classics (3×3 ones sit in the top-left of the 4×4 grid).</summary>
public static class KernelPresets
{
    /// <summary>The exam's horizontal-edge kernel (channel 0).</summary>
    public static KernelPreset ExamHorizontal { get; } = new("exam-horizontal", "Exam: horizontal edge",
        Kernel4x4.FromRows([0, 0, 0, 0], [0, -1, -1, 0], [0, 1, 1, 0], [0, 0, 0, 0]),
        "Responds where brightness changes from one row to the next (horizontal edges).");

    /// <summary>The exam's vertical-edge kernel (channel 1).</summary>
    public static KernelPreset ExamVertical { get; } = new("exam-vertical", "Exam: vertical edge",
        Kernel4x4.FromRows([0, 0, 0, 0], [0, 1, -1, 0], [0, 1, -1, 0], [0, 0, 0, 0]),
        "Responds where brightness changes from one column to the next (vertical edges).");

    /// <summary>Every preset, exam ones first.</summary>
    public static IReadOnlyList<KernelPreset> All { get; } =
    [
        ExamHorizontal,
        ExamVertical,
        new("sobel-x", "Sobel x", Kernel4x4.FromRows([-1, 0, 1], [-2, 0, 2], [-1, 0, 1]),
            "Horizontal gradient (vertical edges), smoothed across rows."),
        new("sobel-y", "Sobel y", Kernel4x4.FromRows([-1, -2, -1], [0, 0, 0], [1, 2, 1]),
            "Vertical gradient (horizontal edges), smoothed across columns."),
        new("laplacian", "Laplacian", Kernel4x4.FromRows([0, 1, 0], [1, -4, 1], [0, 1, 0]),
            "Second derivative: edges in every direction, zero on flat areas."),
        new("box-blur", "Box blur", new Kernel4x4(Enumerable.Repeat(1f / 16, 16).ToArray()),
            "The mean of a 4×4 window: a blur, not an edge detector."),
    ];

    /// <summary>The preset with this id, or null.</summary>
    public static KernelPreset? Find(string id) => All.FirstOrDefault(p => p.Id == id);
}

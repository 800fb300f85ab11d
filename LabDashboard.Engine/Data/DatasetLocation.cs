using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Data;

/// <summary>How a data set's files are laid out where they were found.</summary>
public enum DatasetLayout
{
    /// <summary>torchvision's <c>&lt;Name&gt;/raw/</c> folder of IDX files (plain or .gz).</summary>
    Torchvision,
    /// <summary>A flat <c>mnist/</c> or <c>fashion-mnist/</c> folder of IDX files.</summary>
    Flat,
    /// <summary>A distribution package's folder (Debian's <c>/usr/share/datasets/…</c>).</summary>
    System,
    /// <summary>The lab's own downloads under <c>State:Root</c>.</summary>
    Downloaded,
    /// <summary>The exam's CSV form: <c>label</c> and 784 pixel columns (0–255).</summary>
    Csv,
}

/// <summary>Where a data set was found: its layout, folder and the files to read.</summary>
/// <param name="Spec">Which data set.</param>
/// <param name="Layout">The layout found.</param>
/// <param name="Folder">The folder holding the files.</param>
/// <param name="Files">For IDX layouts: one path per <see cref="IdxRole"/>. For CSV: TrainImages → train CSV, TestImages → test CSV.</param>
public sealed record DatasetLocation(
    ImageDatasetSpec Spec,
    DatasetLayout Layout,
    string Folder,
    IReadOnlyDictionary<IdxRole, string> Files)
{
    /// <summary>A sentence for the page: which source was used.</summary>
    public LocalizableText Description => (Layout switch
    {
        DatasetLayout.Torchvision => DataTexts.FromTorchvision,
        DatasetLayout.Flat => DataTexts.FromIdx,
        DatasetLayout.System => DataTexts.FromSystem,
        DatasetLayout.Downloaded => DataTexts.Downloaded,
        _ => DataTexts.FromCsv,
    }).Format(Spec.Title, Folder);
}

namespace LabDashboard.Engine.Data;

/// <summary>One of the four files of an MNIST-style data set.</summary>
/// <param name="Role">Which part of the set the file holds.</param>
/// <param name="Name">The uncompressed IDX name, e.g. <c>train-images-idx3-ubyte</c>.</param>
/// <param name="Sha256">Lower-case hex sha256 of the uncompressed IDX bytes.</param>
/// <param name="ApproxGzipBytes">About how large the mirrors' .gz is (for a download's ETA before the server says).</param>
public sealed record IdxFileSpec(IdxRole Role, string Name, string Sha256, long ApproxGzipBytes)
{
    /// <summary>The gzip-compressed name the mirrors serve.</summary>
    public string GzipName => Name + ".gz";
}

/// <summary>The four parts of an MNIST-style set.</summary>
public enum IdxRole
{
    /// <summary>Training images.</summary>
    TrainImages,
    /// <summary>Training labels.</summary>
    TrainLabels,
    /// <summary>Test images.</summary>
    TestImages,
    /// <summary>Test labels.</summary>
    TestLabels,
}

/// <summary>
/// An MNIST-style data set: its files and checksums, the folder names people keep it under, the
/// mirrors torchvision downloads it from, and its class names.
/// </summary>
/// <param name="Title">Display name, e.g. <c>Fashion-MNIST</c>.</param>
/// <param name="TorchvisionFolder">torchvision's folder (<c>MNIST</c> → <c>MNIST/raw</c>).</param>
/// <param name="FlatFolder">The flat folder name (<c>mnist</c>, <c>fashion-mnist</c>).</param>
/// <param name="CsvPrefix">Prefix of the exam's CSV files (<c>fashion-mnist</c> → <c>fashion-mnist_train.csv</c>).</param>
/// <param name="SystemFolders">Folders a distribution package installs the files to.</param>
/// <param name="DebianPackage">The Debian package that installs it, if any.</param>
/// <param name="Mirrors">Base URLs (ending in '/') torchvision downloads from, in order.</param>
/// <param name="Files">The four files.</param>
/// <param name="ClassNames">Names of the classes 0..9.</param>
public sealed record ImageDatasetSpec(
    string Title,
    string TorchvisionFolder,
    string FlatFolder,
    string CsvPrefix,
    IReadOnlyList<string> SystemFolders,
    string? DebianPackage,
    IReadOnlyList<string> Mirrors,
    IReadOnlyList<IdxFileSpec> Files,
    IReadOnlyList<string> ClassNames)
{
    /// <summary>The file with this role.</summary>
    public IdxFileSpec File(IdxRole role) => Files.Single(f => f.Role == role);
}

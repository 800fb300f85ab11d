namespace LabDashboard.Engine.Data;

/// <summary>Loads a located MNIST-style set into tensors (IDX or the exam's CSV form).</summary>
public static class ImageDatasetLoader
{
    /// <summary>Reads every file of <paramref name="location"/>.</summary>
    /// <exception cref="DatasetFileException">A file is corrupt, truncated or inconsistent; the message names it.</exception>
    public static ImageDataset Load(DatasetLocation location, PixelScale scale = PixelScale.Unit) =>
        location.Layout == DatasetLayout.Csv ? LoadCsv(location, scale) : LoadIdx(location, scale);

    private static ImageDataset LoadIdx(DatasetLocation location, PixelScale scale)
    {
        var warnings = new List<string>();
        var (trainImages, trainLabels) = ReadIdxSplit(location, IdxRole.TrainImages, IdxRole.TrainLabels, scale, warnings);
        var (testImages, testLabels) = ReadIdxSplit(location, IdxRole.TestImages, IdxRole.TestLabels, scale, warnings);
        return new ImageDataset(location, trainImages, trainLabels, testImages, testLabels, warnings);
    }

    private static (TorchSharp.torch.Tensor Images, TorchSharp.torch.Tensor Labels) ReadIdxSplit(
        DatasetLocation location, IdxRole imagesRole, IdxRole labelsRole, PixelScale scale, List<string> warnings)
    {
        var imagesPath = location.Files[imagesRole];
        var labelsPath = location.Files[labelsRole];
        var images = ReadChecked(location.Spec.File(imagesRole), imagesPath, 3, warnings);
        var labels = ReadChecked(location.Spec.File(labelsRole), labelsPath, 1, warnings);
        if (images.Count != labels.Count)
            throw new DatasetFileException(labelsPath, $"{labels.Count} labels for {images.Count} images in {imagesPath}");
        CheckLabels(labels.Bytes, location.Spec.ClassNames.Count, labelsPath);
        var tensorImages = ImageTensors.Images(images.Bytes, images.Count, images.Dimensions[1], images.Dimensions[2], scale);
        return (tensorImages, ImageTensors.Labels(labels.Bytes));
    }

    private static IdxFile ReadChecked(IdxFileSpec spec, string path, int rank, List<string> warnings)
    {
        var file = IdxFile.Read(path);
        if (file.Dimensions.Count != rank)
            throw new DatasetFileException(path, $"expected {rank} dimension(s), found {file.Dimensions.Count}");
        if (file.Sha256 != spec.Sha256)
            warnings.Add($"{path}: content differs from the published {spec.Name} (sha256 {file.Sha256}).");
        return file;
    }

    private static ImageDataset LoadCsv(DatasetLocation location, PixelScale scale)
    {
        var (trainImages, trainLabels) = ReadCsvSplit(location, location.Files[IdxRole.TrainImages], scale);
        var (testImages, testLabels) = ReadCsvSplit(location, location.Files[IdxRole.TestImages], scale);
        return new ImageDataset(location, trainImages, trainLabels, testImages, testLabels, []);
    }

    private static (TorchSharp.torch.Tensor Images, TorchSharp.torch.Tensor Labels) ReadCsvSplit(DatasetLocation location, string path, PixelScale scale)
    {
        const int side = 28;
        var (pixels, labels) = PixelCsvReader.Read(path, side);
        CheckLabels(labels, location.Spec.ClassNames.Count, path);
        return (ImageTensors.Images(pixels, labels.Length, side, side, scale), ImageTensors.Labels(labels));
    }

    private static void CheckLabels(byte[] labels, int classCount, string path)
    {
        var bad = Array.FindIndex(labels, l => l >= classCount);
        if (bad >= 0) throw new DatasetFileException(path, $"label {labels[bad]} at item {bad} is not a class 0–{classCount - 1}");
    }
}

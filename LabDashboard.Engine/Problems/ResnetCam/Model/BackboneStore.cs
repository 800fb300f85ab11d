using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.ResnetCam.Onnx;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Model;

/// <summary>
/// Converted backbone weights in <c>State:Root/resnet-cam/backbones/&lt;id&gt;/</c>: converted once
/// (from the CNTK ONNX file or torchvision's .pth, downloaded into <c>State:Root/models/</c> when on no
/// searched path), then read by every run and by inference.
/// </summary>
/// <param name="paths">Data:Root (searched) and State:Root (written).</param>
/// <param name="torchvisionDownload">Where a missing .pth comes from; null = torchvision's URL.</param>
internal sealed class BackboneStore(LabPaths paths, TorchvisionWeightsDownload? torchvisionDownload = null)
{
    public const string OnnxFolder = "models/resnet18-cntk";
    public const string TorchvisionPthName = "resnet18-f37072fd.pth";
    private const string MeanImageKey = "mean_image_bgr";
    private static readonly Lock ConversionLock = new();

    /// <summary>
    /// The converted weights (safetensors). Conversions of older versions (<c>weights.bin</c>) are
    /// left alone and converted again once: the sources are still at hand.
    /// </summary>
    public string WeightsPath(BackboneSpec backbone) => Path.Combine(paths.StateRoot, "resnet-cam", "backbones", backbone.Id, "weights" + WeightsFile.Extension);

    private string DownloadedPthPath => Path.Combine(paths.StateRoot, "models", TorchvisionPthName);

    private string MeanImagePath => Path.Combine(paths.StateRoot, "resnet-cam", "backbones", Backbones.Cntk.Id, "mean-image" + WeightsFile.Extension);

    /// <summary>Converts the backbone if it is not converted yet; returns what happened, for the run log.</summary>
    /// <param name="backbone">Which.</param>
    /// <param name="progress">Reports a download of torchvision's weights, if one is needed.</param>
    /// <param name="cancellation">Stops that download.</param>
    public LocalizableText EnsureConverted(BackboneSpec backbone, Action<DownloadProgress>? progress = null, CancellationToken cancellation = default)
    {
        lock (ConversionLock)
        {
            if (File.Exists(WeightsPath(backbone)) && (backbone != Backbones.Cntk || File.Exists(MeanImagePath)))
                return ResnetCamTexts.UsingConverted.Format(backbone.Id, WeightsPath(backbone));
            return backbone == Backbones.Cntk ? ConvertCntk() : ConvertTorchvision(progress, cancellation);
        }
    }

    /// <summary>The converted weights (torchvision names), CPU.</summary>
    public Dictionary<string, Tensor> LoadWeights(BackboneSpec backbone)
    {
        EnsureConverted(backbone);
        return WeightsFile.Load(WeightsPath(backbone));
    }

    /// <summary>CNTK's mean image [1, 3, 224, 224] in BGR order.</summary>
    public Tensor LoadCntkMeanImage()
    {
        EnsureConverted(Backbones.Cntk);
        return WeightsFile.Load(MeanImagePath)[MeanImageKey];
    }

    /// <summary>The preprocessor for a backbone and a preprocessing id (auto = the backbone's own).</summary>
    public ImagePreprocessor Preprocessor(BackboneSpec backbone, string preprocessing)
    {
        var resolved = preprocessing == Preprocessings.Auto ? backbone.DefaultPreprocessing : preprocessing;
        return new ImagePreprocessor(resolved, resolved == Preprocessings.CntkBgrMean ? LoadCntkMeanImage() : null);
    }

    public string? FindOnnx(string fileName) => Candidates(Path.Combine(OnnxFolder, fileName)).FirstOrDefault(File.Exists);

    public string? FindTorchvisionPth() =>
        Candidates(TorchvisionPthName).Concat(Candidates(Path.Combine("models", TorchvisionPthName))).Append(DownloadedPthPath).FirstOrDefault(File.Exists);

    private IEnumerable<string> Candidates(string relative) =>
        new[] { AppContext.BaseDirectory }.Concat(paths.DataRoots).Select(root => Path.Combine(root, relative));

    private LocalizableText ConvertCntk()
    {
        var model = FindOnnx("ResNet18.onnx") ?? throw MissingOnnx("ResNet18.onnx");
        var preprocess = FindOnnx("ResNetPreprocess.onnx") ?? throw MissingOnnx("ResNetPreprocess.onnx");
        var named = ResNetOnnxMapping.ToTorchvisionNames(OnnxReader.ReadFile(model));
        WriteTensors(WeightsPath(Backbones.Cntk), named.ToDictionary(p => p.Key, p => (p.Value.Dims, p.Value.Values)));
        var mean = OnnxReader.ReadFile(preprocess).Initializers["MeanImage"];
        WriteTensors(MeanImagePath, new Dictionary<string, (long[], float[])> { [MeanImageKey] = (mean.Dims, mean.Values) });
        return ResnetCamTexts.Converted.Format(named.Count, Path.GetFileName(model), WeightsPath(Backbones.Cntk));
    }

    /// <summary>Builds a module (its constructor draws from the global RNG): call only from a training run, before seeding.</summary>
    private LocalizableText ConvertTorchvision(Action<DownloadProgress>? progress, CancellationToken cancellation)
    {
        var pth = FindTorchvisionPth();
        var downloaded = pth is null;
        pth ??= DownloadTorchvisionPth(progress, cancellation);
        using var module = ResNetBuilder.Create(Backbones.Torchvision.Blocks, outputs: 1000);
        var loaded = new Dictionary<string, bool>();
        module.load_py(pth, strict: false, loadedParameters: loaded);
        var missing = module.state_dict().Keys.Where(k => !k.EndsWith("num_batches_tracked", StringComparison.Ordinal) && !loaded.GetValueOrDefault(k)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{pth} lacks {string.Join(", ", missing.Take(5))}.");
        var tensors = module.state_dict().Where(p => !p.Key.StartsWith("fc.", StringComparison.Ordinal) && !p.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .Select(p => (p.Key, p.Value)).ToList();
        WeightsFile.Save(WeightsPath(Backbones.Torchvision), tensors);
        return downloaded
            ? ResnetCamTexts.DownloadedAndConverted.Format(TorchvisionPthName, pth, tensors.Count, WeightsPath(Backbones.Torchvision))
            : ResnetCamTexts.Converted.Format(tensors.Count, pth, WeightsPath(Backbones.Torchvision));
    }

    private string DownloadTorchvisionPth(Action<DownloadProgress>? progress, CancellationToken cancellation)
    {
        var source = torchvisionDownload ?? TorchvisionWeightsDownload.From(null);
        try
        {
            source.Download(DownloadedPthPath, progress ?? (_ => { }), cancellation);
            return DownloadedPthPath;
        }
        // A timeout is a TaskCanceledException too; only the run's own cancellation passes through.
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            throw new FileNotFoundException(
                $"{TorchvisionPthName} is not in Data:Root ({string.Join(", ", paths.DataRoots)}) and downloading it from {source.Url} failed: {e.Message} " +
                $"Put torchvision's resnet18 ImageNet weights ({TorchvisionPthName}) in Data:Root by hand, or use the {Backbones.Cntk.Id} backbone, which works offline.", e);
        }
    }

    private static void WriteTensors(string path, IReadOnlyDictionary<string, (long[] Dims, float[] Values)> source)
    {
        var tensors = source.Select(p => (p.Key, tensor(p.Value.Values, p.Value.Dims))).ToList();
        try
        {
            WeightsFile.Save(path, tensors);
        }
        finally
        {
            foreach (var (_, t) in tensors) t.Dispose();
        }
    }

    private Exception MissingOnnx(string name) => new FileNotFoundException(
        $"{name} was not found next to the app ({Path.Combine(AppContext.BaseDirectory, OnnxFolder)}) nor in Data:Root/{OnnxFolder}. " +
        "The build copies it from the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18; otherwise copy it there by hand.");
}

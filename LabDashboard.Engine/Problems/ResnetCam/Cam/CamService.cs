using System.Collections.Concurrent;
using System.Diagnostics;
using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Cam;

/// <summary>How to draw an explanation.</summary>
/// <param name="Colormap">magma, jet, viridis or bwr.</param>
/// <param name="Alpha">Heatmap weight in the overlay PNG.</param>
/// <param name="GradCam">Grad-CAM (autograd) instead of CAM.</param>
public sealed record CamOptions(string Colormap = "magma", double Alpha = 0.5, bool GradCam = false);

/// <summary>
/// A prediction with its explanation: the photo at its own aspect with the model's input size as its long
/// side (the model saw it stretched to a square), and the map over it at the same size. The PNGs are encoded when first
/// asked for (each costs 10–45 ms at 512 px): the API answer needs only the overlay,
/// the page only the input and the heatmap, which the browser fetches in parallel.
/// </summary>
public sealed record CamExplanation(
    string Id, double Logit, double Probability, string Label, TrainedModelInfo Model, string Method, string Colormap,
    double Alpha, float LegendLow, float LegendHigh, double MapMean, RgbImage Input, RgbImage Heatmap,
    int OriginalWidth, int OriginalHeight, string Format, IReadOnlyList<LocalizableText> Notices)
{
    private byte[]? _inputPng, _heatmapPng, _overlayPng;

    /// <summary>Where the time went, when the service measured it.</summary>
    public CamTimings? Timings { get; init; }

    /// <summary>The number format of the forward pass: float32 or bfloat16.</summary>
    public string Precision { get; init; } = CamPrecision.Float32.Name();

    /// <summary>Who asked for it (a user id, or <see cref="RunOwners.Local"/>): its images are served to them and to those who see everything.</summary>
    public string Owner { get; init; } = RunOwners.Local;

    /// <summary>The photo at its own aspect (long side the model's input size) as PNG.</summary>
    public byte[] InputPng => LazyInitializer.EnsureInitialized(ref _inputPng, () => RgbPng.Encode(Input));

    /// <summary>The coloured map as PNG.</summary>
    public byte[] HeatmapPng => LazyInitializer.EnsureInitialized(ref _heatmapPng, () => RgbPng.Encode(Heatmap));

    /// <summary>The heatmap over the input at <see cref="Alpha"/>, as PNG.</summary>
    public byte[] OverlayPng => LazyInitializer.EnsureInitialized(ref _overlayPng, () => RgbPng.Encode(OverlayRenderer.Blend(Input, Heatmap, Alpha)));

    /// <summary>The overlay at another heatmap opacity (0–1).</summary>
    public byte[] OverlayPngAt(double alpha)
    {
        if (alpha is < 0 or > 1 || double.IsNaN(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Opacity is between 0 and 1.");
        return alpha == Alpha ? OverlayPng : RgbPng.Encode(OverlayRenderer.Blend(Input, Heatmap, alpha));
    }
}

/// <summary>Milliseconds spent in each part of one explanation (PNG encoding comes later, on demand).</summary>
/// <param name="DecodeMs">Checks, decode, orientation and resize to the model's input size.</param>
/// <param name="ForwardMs">Preprocessing, the trunk up to layer4 and the logit.</param>
/// <param name="RenderMs">The photo back at its aspect, the map, its sign, upsampling and colouring.</param>
public sealed record CamTimings(double DecodeMs, double ForwardMs, double RenderMs);

/// <summary>No completed resnet-cam model (or not the one asked for).</summary>
public sealed class NoTrainedModelException(LocalizableText message) : LocalizableException(message);

/// <summary>
/// Predicts and explains uploaded photos with the latest completed resnet-cam model (or a chosen
/// run's). Thread-safe: requests queue so only one uses the CPU at a time. Builds no module and
/// never draws from the global RNG, so it may run beside a training run.
/// </summary>
public sealed class CamService : IDisposable
{
    // Each keeps its input and heatmap (2 × 0.8 MB at 512 px) and the PNGs asked for.
    private const int KeptExplanations = 16;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ImageDecoder _decoder;
    private readonly TrainedModelStore _models;
    private readonly BackboneStore _backbones;
    private readonly ConcurrentDictionary<string, CamExplanation> _recent = new();
    private readonly ConcurrentQueue<string> _recentOrder = new();
    private LoadedModel? _loaded;

    /// <summary>
    /// A service reading models from <paramref name="artifacts"/> (default: files under <paramref name="paths"/>' State:Root)
    /// and backbones from State:Root; the forward pass runs in <paramref name="precision"/> (default: <see cref="CamPrecisions.Auto"/>).
    /// </summary>
    public CamService(LabPaths paths, ImageLimits? limits = null, CamPrecision? precision = null, IRunArtifactStore? artifacts = null)
    {
        Precision = precision ?? CamPrecisions.Auto();
        _decoder = new ImageDecoder(limits);
        _models = new TrainedModelStore(artifacts ?? new DiskArtifactStore(paths));
        _backbones = new BackboneStore(paths);
    }

    /// <summary>The number format of the forward pass.</summary>
    public CamPrecision Precision { get; }

    /// <summary>The upload caps.</summary>
    public ImageLimits Limits => _decoder.Limits;

    /// <summary>Saved models and galleries.</summary>
    public TrainedModelStore Models => _models;

    private int _running;

    /// <summary>The most explanations ever computed at the same time (1 when the queue works).</summary>
    public int PeakConcurrency { get; private set; }

    /// <summary>Decodes, predicts and explains one image for <paramref name="owner"/>.</summary>
    /// <exception cref="ImageRejectedException">The image was refused.</exception>
    /// <exception cref="NoTrainedModelException">No model (or no such run).</exception>
    public async Task<CamExplanation> ExplainAsync(byte[] bytes, string? runId = null, CamOptions? options = null, string owner = RunOwners.Local, CancellationToken cancellationToken = default)
    {
        _decoder.Check(bytes);
        var info = _models.Find(string.IsNullOrWhiteSpace(runId) ? null : runId) ?? throw new NoTrainedModelException(
            runId is null ? ResnetCamTexts.NoModel.Format() : ResnetCamTexts.NoSuchModel.Format(runId));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Remember(Counted(() => Explain(bytes, info, options ?? new CamOptions(), owner))), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private T Counted<T>(Func<T> work)
    {
        var running = Interlocked.Increment(ref _running);
        PeakConcurrency = Math.Max(PeakConcurrency, running);
        try
        {
            return work();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>A recent explanation by id (its PNGs are served over HTTP to its <see cref="CamExplanation.Owner"/>), or null.</summary>
    public CamExplanation? Recent(string id) => _recent.GetValueOrDefault(id);

    private CamExplanation Explain(byte[] bytes, TrainedModelInfo info, CamOptions options, string owner)
    {
        var model = Load(info);
        var clock = Stopwatch.StartNew();
        var decoded = _decoder.Decode(bytes, info.ImageSize, info.ImageSize);
        var decodeMs = Lap(clock);
        using var scope = NewDisposeScope();
        var input = model.Preprocessor.ToInput([decoded.Image]);
        if (Precision == CamPrecision.BFloat16) input = input.to(ScalarType.BFloat16);
        var layer4 = ResNetFeatures.Layer4(input, model.Trunk, model.Blocks)[0].to(ScalarType.Float32);
        var logit = (einsum("k,k->", model.Weight.reshape(-1), layer4.mean([1, 2])) + model.Bias.reshape(-1)[0]).item<float>();
        var forwardMs = Lap(clock);
        var colormap = Colormaps.Resolve(options.Colormap);
        var shown = PhotoAspect.Restore(decoded.Image, decoded.OriginalWidth, decoded.OriginalHeight);
        var rendering = CamRenderer.Render(shown, layer4, model.Weight, model.Bias, logit, colormap, options.GradCam);
        return new CamExplanation(Guid.NewGuid().ToString("N"), logit, 1 / (1 + Math.Exp(-logit)), logit >= 0 ? "dog" : "cat", info,
            options.GradCam ? "grad-cam" : "cam", colormap, options.Alpha, rendering.Low, rendering.High, rendering.MapMean,
            shown, rendering.Heatmap, decoded.OriginalWidth, decoded.OriginalHeight, decoded.Format.ToString(), decoded.Notices)
        {
            Timings = new CamTimings(decodeMs, forwardMs, Lap(clock)),
            Precision = Precision.Name(),
            Owner = owner,
        };
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }

    private LoadedModel Load(TrainedModelInfo info)
    {
        if (_loaded?.Info == info) return _loaded;
        _loaded?.Dispose();
        var backbone = Backbones.Get(info.Backbone);
        var (stored, weight, bias) = _models.LoadWeights(info, _backbones);
        var trunk = ResNetFeatures.ForInference(stored);
        if (Precision == CamPrecision.BFloat16) trunk = ResNetFeatures.ToBFloat16(trunk);
        foreach (var tensor in stored.Values) tensor.Dispose();
        _loaded = new LoadedModel(info, trunk, weight, bias, backbone.Blocks, _backbones.Preprocessor(backbone, info.Preprocessing));
        return _loaded;
    }

    private CamExplanation Remember(CamExplanation explanation)
    {
        _recent[explanation.Id] = explanation;
        _recentOrder.Enqueue(explanation.Id);
        while (_recentOrder.Count > KeptExplanations && _recentOrder.TryDequeue(out var old)) _recent.TryRemove(old, out _);
        return explanation;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _loaded?.Dispose();
        _gate.Dispose();
    }

    private sealed record LoadedModel(TrainedModelInfo Info, Dictionary<string, Tensor> Trunk, Tensor Weight, Tensor Bias,
        IReadOnlyList<int> Blocks, ImagePreprocessor Preprocessor) : IDisposable
    {
        public void Dispose()
        {
            foreach (var t in Trunk.Values) t.Dispose();
            Weight.Dispose();
            Bias.Dispose();
        }
    }
}

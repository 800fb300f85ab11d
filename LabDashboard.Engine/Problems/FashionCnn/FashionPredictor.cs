using LabDashboard.Engine.Runs.Artifacts;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>A prediction for one image.</summary>
/// <param name="Predicted">The most likely class.</param>
/// <param name="ClassNames">Class names 0..9.</param>
/// <param name="Probabilities">Softmax probability of each class.</param>
/// <param name="Inverted">True when the image was inverted because its background was light.</param>
/// <param name="InputPng">The 28×28 input the model saw, as a PNG.</param>
public sealed record FashionPrediction(int Predicted, IReadOnlyList<string> ClassNames, IReadOnlyList<double> Probabilities, bool Inverted, byte[] InputPng)
{
    /// <summary>The predicted class's name.</summary>
    public string PredictedName => ClassNames[Predicted];
}

/// <summary>
/// A saved fashion-cnn model loaded for inference (pages call it in process). Uses the CPU and
/// never touches the global RNG, so it may run beside a training run. Thread-safe.
/// </summary>
public sealed class FashionPredictor : IDisposable
{
    private readonly Dictionary<string, Tensor> _weights;
    private readonly CnnArchitecture _architecture;
    private readonly Lock _gate = new();

    private FashionPredictor(FashionModelInfo info, Dictionary<string, Tensor> weights)
    {
        Info = info;
        _weights = weights;
        _architecture = CnnArchitecture.Parse(info.Architecture);
    }

    /// <summary>What the model is and how well it did.</summary>
    public FashionModelInfo Info { get; }

    /// <summary>Loads the model saved in the artifact folder <paramref name="folder"/>.</summary>
    public static FashionPredictor Load(IRunArtifactStore artifacts, string folder)
    {
        var (info, weights) = FashionModelStore.Load(artifacts, folder);
        return new FashionPredictor(info, weights);
    }

    /// <summary>Loads the most recently trained model, or null when none was saved.</summary>
    public static FashionPredictor? LoadLatest(IRunArtifactStore artifacts) =>
        FashionModelStore.Latest(artifacts) is { } folder ? Load(artifacts, folder) : null;

    /// <summary>Predicts the class of an image file (PNG, JPEG, GIF, BMP…).</summary>
    public FashionPrediction Predict(byte[] imageFile) => WithInput(imageFile, (input, image, inverted) =>
    {
        var logits = CnnFunctional.Forward(_architecture, _weights, input);
        var probabilities = logits.softmax(1)[0].data<float>().Select(p => (double)p).ToArray();
        var best = Array.IndexOf(probabilities, probabilities.Max());
        return new FashionPrediction(best, Info.ClassNames, probabilities, inverted, GrayPng.FromUnit(image[0, 0]));
    });

    /// <summary>The first conv layer's feature maps for an image file, as a PNG grid (8 per row).</summary>
    public byte[] FeatureMapsPng(byte[] imageFile) => WithInput(imageFile, (input, _, _) =>
        GrayPng.Grid(CnnFunctional.FirstFeatureMaps(_architecture, _weights, input)[0], FashionVisuals.GridColumns, zoom: 2));

    /// <summary>
    /// Calls <paramref name="use"/> with the image file as the model's input [1, 1, 28, 28] (scaled as the model was
    /// trained), the same in 0–1, and whether it was inverted: one caller at a time, in a dispose scope, without autograd.
    /// </summary>
    private T WithInput<T>(byte[] imageFile, Func<Tensor, Tensor, bool, T> use)
    {
        var (pixels, inverted) = FashionImageInput.Prepare(imageFile);
        lock (_gate)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var image = tensor(pixels, [1, 1, 28, 28]);
            return use(Info.Scale == FashionSettings.Raw255Scale ? image * 255 : image, image, inverted);
        }
    }

    /// <summary>Logits [N, 10] for images [N, 1, 28, 28] already scaled as the model expects.</summary>
    public Tensor Logits(Tensor images)
    {
        lock (_gate)
        {
            using var noGrad = no_grad();
            return CnnFunctional.Forward(_architecture, _weights, images);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var weight in _weights.Values) weight.Dispose();
    }
}

using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>Backbone features of cached images: pooled [N, 512] and, optionally, layer4 maps (float16).</summary>
internal sealed record ExtractedFeatures(Tensor Pooled, Tensor? Layer4) : IDisposable
{
    public void Dispose()
    {
        Pooled.Dispose();
        Layer4?.Dispose();
    }
}

/// <summary>Runs the frozen trunk over cached images once and caches the result on disk.</summary>
internal static class FeatureExtractor
{
    private const int BatchSize = 16;

    public static ExtractedFeatures OpenOrExtract(string path, DecodedImageCache images, IReadOnlyDictionary<string, Tensor> weights,
        BackboneSpec backbone, ImagePreprocessor preprocessor, bool keepLayer4, Action<int> progress, Action checkpoint)
    {
        if (File.Exists(path))
        {
            var cached = WeightsFile.Load(path);
            return new ExtractedFeatures(cached["pooled"], cached.GetValueOrDefault("layer4"));
        }
        var features = Extract(images.Count, images.Read, preprocessor.ToInput, weights, backbone, keepLayer4, progress, checkpoint);
        Save(path, features);
        return features;
    }

    /// <summary>
    /// Pooled features of <paramref name="views"/> augmented views of every image, view after view:
    /// row <c>v × Count + i</c> is view v of image i. Cached at <paramref name="path"/>.
    /// </summary>
    public static Tensor OpenOrExtractViews(string path, DecodedImageCache images, int views, int seed, IReadOnlyDictionary<string, Tensor> weights,
        BackboneSpec backbone, ImagePreprocessor preprocessor, Action<int> progress, Action checkpoint)
    {
        if (File.Exists(path)) return WeightsFile.Load(path)["pooled"];
        var augmenter = new ViewAugmenter(seed);
        var features = Extract(images.Count * views, i => images.Read(i % images.Count),
            batch =>
            {
                using var rgb = ImagePreprocessor.ToFloatRgb(batch);
                using var augmented = augmenter.Augment(rgb);
                return preprocessor.FromFloatRgb(augmented);
            },
            weights, backbone, keepLayer4: false, progress, checkpoint);
        Save(path, features);
        return features.Pooled;
    }

    private static void Save(string path, ExtractedFeatures features)
    {
        var tensors = new List<(string, Tensor)> { ("pooled", features.Pooled) };
        if (features.Layer4 is not null) tensors.Add(("layer4", features.Layer4));
        WeightsFile.Save(path, tensors);
    }

    private static ExtractedFeatures Extract(int count, Func<int, RgbImage> read, Func<IReadOnlyList<RgbImage>, Tensor> toInput,
        IReadOnlyDictionary<string, Tensor> weights, BackboneSpec backbone, bool keepLayer4, Action<int> progress, Action checkpoint)
    {
        var pooled = new List<Tensor>();
        var maps = new List<Tensor>();
        var fastWeights = ResNetFeatures.ForInference(weights);
        try
        {
            for (var start = 0; start < count; start += BatchSize)
            {
                checkpoint();
                var batch = Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(read).ToList();
                using (var scope = NewDisposeScope())
                {
                    var layer4 = ResNetFeatures.Layer4(toInput(batch), fastWeights, backbone.Blocks);
                    pooled.Add(ResNetFeatures.Pool(layer4).MoveToOuterDisposeScope());
                    if (keepLayer4) maps.Add(layer4.to(ScalarType.Float16).MoveToOuterDisposeScope());
                }
                progress(start + batch.Count);
            }
        }
        finally
        {
            foreach (var tensor in fastWeights.Values) tensor.Dispose();
        }
        return new ExtractedFeatures(ConcatAndDispose(pooled), keepLayer4 ? ConcatAndDispose(maps) : null);
    }

    private static Tensor ConcatAndDispose(List<Tensor> parts)
    {
        var joined = cat(parts, 0);
        foreach (var part in parts) part.Dispose();
        return joined;
    }
}

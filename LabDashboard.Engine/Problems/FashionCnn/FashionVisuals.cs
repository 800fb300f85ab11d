using LabDashboard.Engine.Problems.Classification;
using LabDashboard.Engine.Runs;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>What the page shows after training: confusion matrix, misclassified images, filters and feature maps.</summary>
internal static class FashionVisuals
{
    public const int GridColumns = 8;
    public const int MisclassifiedShown = 36;

    public static void Publish(RunContext context, int epoch, FashionEvaluation evaluation, Tensor testImages, IReadOnlyList<string> classes,
        CnnArchitecture architecture, IReadOnlyDictionary<string, Tensor> weights, bool raw255)
    {
        context.Data(ConfusionData.PayloadName, ConfusionData.From(classes, evaluation.Truth, evaluation.Predicted));
        PublishMisclassified(context, epoch, evaluation, testImages, classes, raw255);
        PublishFilters(context, epoch, architecture, weights);
        PublishFeatureMaps(context, epoch, architecture, weights, testImages, classes[(int)evaluation.Truth[0]]);
    }

    private static void PublishMisclassified(RunContext context, int epoch, FashionEvaluation evaluation, Tensor testImages, IReadOnlyList<string> classes, bool raw255)
    {
        var wrong = Enumerable.Range(0, evaluation.Truth.Length).Where(i => evaluation.Truth[i] != evaluation.Predicted[i]).ToList();
        var samples = new List<MisclassifiedSample>();
        foreach (var index in wrong.Take(MisclassifiedShown))
        {
            using var scope = NewDisposeScope();
            var name = $"misclassified-{samples.Count}";
            var pixels = raw255 ? testImages[index, 0] / 255 : testImages[index, 0];
            context.Image(name, epoch, GrayPng.FromUnit(pixels));
            samples.Add(new MisclassifiedSample(index, (int)evaluation.Truth[index], (int)evaluation.Predicted[index], ImageRef.UrlFor(context.RunId, name, epoch)));
        }
        context.Data(FashionPayloadNames.Misclassified, new MisclassifiedData(classes, samples, wrong.Count, evaluation.Truth.Length));
    }

    private static void PublishFilters(RunContext context, int epoch, CnnArchitecture architecture, IReadOnlyDictionary<string, Tensor> weights)
    {
        var first = architecture.Layers.ToList().FindIndex(l => l.Kind == CnnLayerKind.Conv);
        var filters = weights[$"{first}.weight"];
        var kernel = (int)filters.shape[2];
        var zoom = Math.Max(1, 40 / kernel);
        using var scope = NewDisposeScope();
        context.Image(FashionPayloadNames.Filters, epoch, GrayPng.Grid(filters.select(1, 0), GridColumns, zoom));
        var caption = FashionTexts.FiltersCaption.Format(filters.shape[0], kernel, kernel);
        context.Data(FashionPayloadNames.Filters, new MapGridData(ImageRef.UrlFor(context.RunId, FashionPayloadNames.Filters, epoch), (int)filters.shape[0], GridColumns, kernel * zoom,
            caption.ToString()) { CaptionText = caption });
    }

    private static void PublishFeatureMaps(RunContext context, int epoch, CnnArchitecture architecture, IReadOnlyDictionary<string, Tensor> weights, Tensor testImages, string className)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var image = testImages.narrow(0, 0, 1).to(weights.Values.First().device);
        var maps = CnnFunctional.FirstFeatureMaps(architecture, weights, image)[0];
        context.Image(FashionPayloadNames.FeatureMaps, epoch, GrayPng.Grid(maps, GridColumns, zoom: 2));
        var caption = FashionTexts.FeatureMapsCaption.Format(className);
        context.Data(FashionPayloadNames.FeatureMaps, new MapGridData(ImageRef.UrlFor(context.RunId, FashionPayloadNames.FeatureMaps, epoch), (int)maps.shape[0], GridColumns, (int)maps.shape[2] * 2,
            caption.ToString()) { CaptionText = caption });
    }
}

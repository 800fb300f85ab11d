using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs;
using TorchSharp;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>The cached digit classifier, trained within the run (with progress) the first time.</summary>
internal static class DigitClassifierProvider
{
    /// <summary>The classifier's weights on the run's device and its MNIST test accuracy.</summary>
    public static (NetworkWeights Weights, double TestAccuracy) LoadOrTrain(RunContext context, TrainingScaffold scaffold, ImageDataset mnist)
    {
        var store = new DigitClassifierStore(context.Artifacts);
        if (store.TryLoad(context.Device.Device) is { } cached)
        {
            context.Log(GanTexts.ClassifierLoaded.Format($"{cached.TestAccuracy:P2}"));
            return cached;
        }
        return Train(context, scaffold, mnist, store);
    }

    private static (NetworkWeights Weights, double TestAccuracy) Train(RunContext context, TrainingScaffold scaffold, ImageDataset mnist, DigitClassifierStore store)
    {
        var message = GanTexts.ClassifierTraining.Format();
        context.Progress(0, message);
        using var model = TrainOnDevice(context, scaffold, mnist, message);
        double accuracy;
        using (var images = mnist.TestImages.to(context.Device.Device))
        using (var labels = mnist.TestLabels.to(context.Device.Device))
            accuracy = DigitClassifierTraining.Accuracy(model, images, labels);
        var weights = NetworkWeights.From(model);
        store.Save(weights, accuracy);
        context.Progress(1, GanTexts.ClassifierTrained.Format($"{accuracy:P2}"));
        return (weights, accuracy);
    }

    private static DigitClassifier TrainOnDevice(RunContext context, TrainingScaffold scaffold, ImageDataset mnist, LocalizableText message)
    {
        using var images = mnist.TrainImages.to(context.Device.Device);
        using var labels = mnist.TrainLabels.to(context.Device.Device);
        return DigitClassifierTraining.Train(images, labels, scaffold, fraction => context.Progress(fraction, message));
    }
}

using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>Trains the <see cref="DigitClassifier"/> once on MNIST train and measures it on MNIST test.</summary>
internal static class DigitClassifierTraining
{
    internal const int Epochs = 2;
    internal const int BatchSize = 128;
    internal const double LearningRate = 2e-3;
    /// <summary>Own seed, so the classifier is the same whichever run happens to train it.</summary>
    internal const long Seed = 20240607;

    /// <summary>
    /// A new classifier on <paramref name="images"/>' device, initialised and trained from
    /// <see cref="Seed"/>; reports progress as a fraction of all batches.
    /// </summary>
    public static DigitClassifier Train(Tensor images, Tensor labels, TrainingScaffold scaffold, Action<double> progress)
    {
        // Seeded before construction: the initial weights come from the global RNG (the batch
        // order has its own generator), and whatever ran before leaves it in a different state.
        torch.random.manual_seed(Seed);
        var model = new DigitClassifier().to(images.device);
        try
        {
            Train(model, images, labels, scaffold, progress);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static void Train(DigitClassifier model, Tensor images, Tensor labels, TrainingScaffold scaffold, Action<double> progress)
    {
        model.train();
        using var optimizer = new OptimizerSpec(OptimizerSpec.Adam, LearningRate).Create(model.parameters());
        using var batches = new ShuffledBatches(images.shape[0], BatchSize, Seed);
        var step = new ClassificationStep(model.forward, optimizer, ClassificationLoss.CrossEntropy);
        var total = (double)(Epochs * batches.BatchesPerEpoch);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var done = epoch * batches.BatchesPerEpoch;
            step.RunEpoch(scaffold, batches, images.device, batch => (batch.Select(images), batch.Select(labels)), report =>
            {
                if (report.Index % 50 == 0) progress((done + report.Index) / total);
            });
        }
        model.eval();
    }

    /// <summary>Share of <paramref name="images"/> the trained <paramref name="model"/> classifies as their label.</summary>
    public static double Accuracy(DigitClassifier model, Tensor images, Tensor labels)
    {
        model.eval();
        return Accuracy(model.forward, images, labels);
    }

    /// <summary>Share of <paramref name="images"/> whose highest class score (n, 10) is their label.</summary>
    public static double Accuracy(Func<Tensor, Tensor> scores, Tensor images, Tensor labels)
    {
        var predicted = ChunkedEvaluation.Predict(scores, images, ClassificationLoss.CrossEntropy);
        using var cpuLabels = labels.cpu();
        return predicted.Zip(cpuLabels.data<long>()).Count(p => p.First == p.Second) / (double)predicted.Length;
    }
}

using LabDashboard.Engine.Runs;
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
        // Seeded before construction: the initial weights come from the global RNG too, and
        // whatever ran before (a GAN run, another problem) leaves it in a different state.
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
        using var optimizer = torch.optim.Adam(model.parameters(), LearningRate);
        var count = images.shape[0];
        var batchesPerEpoch = (count + BatchSize - 1) / BatchSize;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            using var order = torch.randperm(count, device: images.device);
            for (long batch = 0; batch < batchesPerEpoch; batch++)
            {
                var first = batch * BatchSize;
                scaffold.Step(() => Step(model, optimizer, images, labels, order.narrow(0, first, Math.Min(BatchSize, count - first))));
                if (batch % 50 == 0) progress((epoch * batchesPerEpoch + batch) / (double)(Epochs * batchesPerEpoch));
            }
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
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        long correct = 0;
        var count = images.shape[0];
        for (long first = 0; first < count; first += 1000)
        {
            var length = Math.Min(1000, count - first);
            var predicted = scores(images.narrow(0, first, length)).argmax(1);
            correct += predicted.eq(labels.narrow(0, first, length)).sum().item<long>();
        }
        return correct / (double)count;
    }

    private static float Step(DigitClassifier model, torch.optim.Optimizer optimizer, Tensor images, Tensor labels, Tensor indices)
    {
        var loss = torch.nn.functional.cross_entropy(model.forward(images.index_select(0, indices)), labels.index_select(0, indices));
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}

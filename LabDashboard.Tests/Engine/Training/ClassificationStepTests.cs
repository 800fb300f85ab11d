using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using LabDashboard.Tests.Engine.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Tests.Engine.Training;

[Collection(SeededTorchCollection.Name)]
public class ClassificationStepTests
{
    private static (Tensor X, Tensor Y) Blobs(int rows)
    {
        using var generator = new Generator(17);
        var y = randint(0, 3, [rows], generator: generator);
        var x = randn([rows, 2], generator: generator) * 0.3 + y.unsqueeze(1).to(ScalarType.Float32);
        return (x, y);
    }

    [Fact]
    public void Epochs_train_a_classifier_and_report_loss_accuracy_and_every_batch()
    {
        random.manual_seed(3);
        using var model = nn.Linear(2, 3);
        using var optimizer = new OptimizerSpec(OptimizerSpec.Adam, 0.05).Create(model.parameters());
        using var batches = new ShuffledBatches(200, 32, seed: 1);
        var (x, y) = Blobs(200);
        using (x)
        using (y)
        {
            var step = new ClassificationStep(model.forward, optimizer, ClassificationLoss.CrossEntropy);
            var scaffold = new TrainingScaffold(new RecordingReporter().ContextFor(new GatedProblem()));
            var reports = new List<BatchReport>();

            var first = step.RunEpoch(scaffold, batches, CPU, b => (b.Select(x), b.Select(y)), reports.Add);
            var epochs = Enumerable.Range(0, 20).Select(_ => step.RunEpoch(scaffold, batches, CPU, b => (b.Select(x), b.Select(y)))).ToList();

            Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), reports.Select(r => r.Index));
            Assert.Equal(200, reports[^1].RowsDone);
            Assert.Equal(reports.Sum(r => r.Outcome.Loss * r.Outcome.Size) / 200, first.Loss, 9);
            Assert.Equal(reports.Sum(r => r.Outcome.Correct) / 200.0, first.Accuracy, 9);
            Assert.Equal(7 * 21, scaffold.Steps);
            Assert.True(epochs[^1].Loss < first.Loss / 2, $"loss {first.Loss} → {epochs[^1].Loss}");
            Assert.True(epochs[^1].Accuracy > 0.9, $"accuracy {epochs[^1].Accuracy}");
        }
    }

    [Fact]
    public void Chunked_evaluation_matches_one_pass_over_the_whole_tensor()
    {
        random.manual_seed(4);
        using var model = nn.Linear(2, 3);
        var (x, y) = Blobs(50);
        using (x)
        using (y)
        using (no_grad())
        {
            var chunked = ChunkedEvaluation.Classify(model.forward, x, y, ClassificationLoss.CrossEntropy, chunkSize: 7);
            using var logits = model.forward(x);
            using var loss = nn.functional.cross_entropy(logits, y);
            using var predicted = logits.argmax(1);

            Assert.Equal(loss.item<float>(), chunked.Loss, 5);
            Assert.Equal(predicted.data<long>().ToArray(), chunked.Predicted);
            Assert.Equal(predicted.eq(y).sum().item<long>() / 50.0, chunked.Accuracy, 9);
            Assert.Equal(logits.data<float>().ToArray(), chunked.Outputs);
            Assert.Equal(chunked.Predicted, ChunkedEvaluation.Predict(model.forward, x, ClassificationLoss.CrossEntropy, chunkSize: 7));
        }
    }

    [Fact]
    public void Binary_logits_predict_1_from_zero_up()
    {
        using var logits = tensor(new[] { -2f, -0.1f, 0f, 3f });
        using var targets = tensor(new[] { 0f, 1f, 1f, 1f });

        var evaluation = ChunkedEvaluation.Classify(l => l, logits, targets, ClassificationLoss.BinaryWithLogits, chunkSize: 3);

        Assert.Equal([0L, 0, 1, 1], evaluation.Predicted);
        Assert.Equal(0.75, evaluation.Accuracy, 9);
        Assert.Equal([-2f, -0.1f, 0f, 3f], evaluation.Outputs);
    }

    [Fact]
    public void Inputs_built_chunk_by_chunk_are_asked_for_in_order_and_scored_as_one_set()
    {
        using var logits = tensor(new[] { -2f, -0.1f, 0f, 3f });
        using var targets = tensor(new[] { 0f, 1f, 1f, 1f });
        var asked = new List<(long Start, long Size)>();

        var evaluation = ChunkedEvaluation.Classify(l => l, 4, (start, size) =>
        {
            asked.Add((start, size));
            return logits.narrow(0, start, size);
        }, targets, ClassificationLoss.BinaryWithLogits, chunkSize: 3);

        Assert.Equal([(0L, 3L), (3L, 1L)], asked);
        Assert.Equal([0L, 0, 1, 1], evaluation.Predicted);
        Assert.Equal(0.75, evaluation.Accuracy, 9);
        using var loss = nn.functional.binary_cross_entropy_with_logits(logits, targets);
        Assert.Equal(loss.item<float>(), evaluation.Loss, 5);
    }
}

using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.FreeFall;

/// <summary>
/// Problem 4: fit fall time against height from noisy measurements and predict t at 40, 60 and
/// 80 m; each prediction must lie within 0.05 s of √(2h/9.8).
/// </summary>
public sealed class FreeFallProblem : IProblem
{
    /// <summary>How close each prediction must come to √(2h/9.8), in seconds.</summary>
    public const double Tolerance = 0.05;

    private static readonly double[] CurveHeights = Enumerable.Range(0, 51).Select(i => i * 2.0).ToArray();

    /// <inheritdoc />
    public ProblemDescriptor Descriptor { get; } = FreeFallDescriptor.Create();

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        var settings = FreeFallSettings.From(context.Settings);
        random.manual_seed(settings.Seed);
        var data = FreeFallData.Draw(settings.N, settings.Noise);
        context.Data(FreeFallSeries.PointsPayload, FreeFallSeries.Of(data));

        var device = context.Device.Device;
        using var model = FreeFallModels.Create(settings.Model);
        model.to(device);
        using var h = tensor(data.H, device: device).unsqueeze(1);
        using var t = tensor(data.T, device: device).unsqueeze(1);
        Train(context, settings, model, h, t);
        Report(context, model);
    }

    private static void Train(RunContext context, FreeFallSettings settings, nn.Module<Tensor, Tensor> model, Tensor h, Tensor t)
    {
        using var optimizer = new OptimizerSpec(settings.Optimizer, settings.Lr).Create(model.parameters());
        var scaffold = new TrainingScaffold(context);
        var (epochs, reportEvery) = (settings.Epochs, settings.ReportEvery);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var loss = scaffold.Step(() =>
            {
                optimizer.zero_grad();
                var mse = nn.functional.mse_loss(model.forward(h), t);
                mse.backward();
                optimizer.step();
                return mse.item<float>();
            });
            if (epoch % reportEvery != 0 && epoch != epochs) continue;
            var point = (epoch + reportEvery - 1) / reportEvery;
            context.Epoch(point, epoch, new Dictionary<string, double> { [FreeFallMetrics.Loss] = loss });
            context.Data(FreeFallSeries.FitPayload, new FreeFallSeries(CurveHeights, Predict(model, CurveHeights, context)), point);
        }
    }

    private static void Report(RunContext context, nn.Module<Tensor, Tensor> model)
    {
        var heights = FreeFallMetrics.CheckedHeights;
        var predictions = Predict(model, heights.Select(v => (double)v).ToArray(), context);
        for (var i = 0; i < heights.Count; i++)
        {
            var height = heights[i];
            var ideal = FreeFallData.IdealTime(height);
            var gap = Math.Abs(predictions[i] - ideal);
            context.Result(FreeFallMetrics.PredictedTime(height), predictions[i]);
            context.Check(FreeFallTexts.PredictionCheck.Format(height), gap < Tolerance,
                FreeFallTexts.PredictionDetail.Format($"{predictions[i]:F3}", height, $"{ideal:F3}", $"{gap:F3}"));
        }
    }

    private static double[] Predict(nn.Module<Tensor, Tensor> model, double[] heights, RunContext context)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = tensor(heights.Select(v => (float)v).ToArray(), device: context.Device.Device).unsqueeze(1);
        return model.forward(input).squeeze(1).cpu().data<float>().Select(v => (double)v).ToArray();
    }
}

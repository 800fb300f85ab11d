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

    private static readonly int[] CheckedHeights = [40, 60, 80];
    private static readonly double[] CurveHeights = Enumerable.Range(0, 51).Select(i => i * 2.0).ToArray();

    /// <inheritdoc />
    public ProblemDescriptor Descriptor { get; } = FreeFallDescriptor.Create();

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        var settings = context.Settings;
        random.manual_seed(settings.Int("seed"));
        var data = FreeFallData.Draw(settings.Int("n"), settings.Double("noise"));
        context.Data("points", FreeFallSeries.Of(data));

        var device = context.Device.Device;
        using var model = FreeFallModels.Create(settings.Text("model"));
        model.to(device);
        using var h = tensor(data.H, device: device).unsqueeze(1);
        using var t = tensor(data.T, device: device).unsqueeze(1);
        Train(context, model, h, t);
        Report(context, model);
    }

    private static void Train(RunContext context, nn.Module<Tensor, Tensor> model, Tensor h, Tensor t)
    {
        var settings = context.Settings;
        using var optimizer = new OptimizerSpec(settings.Text("optimizer"), settings.Double("lr")).Create(model.parameters());
        var scaffold = new TrainingScaffold(context);
        var epochs = settings.Int("epochs");
        var reportEvery = settings.Int("reportEvery");
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
            context.Epoch(point, epoch, new Dictionary<string, double> { ["loss"] = loss });
            context.Data("fit", new FreeFallSeries(CurveHeights, Predict(model, CurveHeights, context)), point);
        }
    }

    private static void Report(RunContext context, nn.Module<Tensor, Tensor> model)
    {
        var predictions = Predict(model, CheckedHeights.Select(v => (double)v).ToArray(), context);
        for (var i = 0; i < CheckedHeights.Length; i++)
        {
            var height = CheckedHeights[i];
            var ideal = FreeFallData.IdealTime(height);
            var gap = Math.Abs(predictions[i] - ideal);
            context.Result($"t{height}", predictions[i]);
            context.Check($"t({height} m) within 0.05 s of √(2h/9.8)", gap < Tolerance,
                $"predicted {predictions[i]:F3} s, √(2·{height}/9.8) = {ideal:F3} s, off by {gap:F3} s");
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

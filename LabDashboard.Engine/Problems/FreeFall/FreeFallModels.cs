using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.FreeFall;

/// <summary>The two models: t = β0 + β1·√h, and a small ReLU MLP on raw h.</summary>
internal static class FreeFallModels
{
    public static Module<Tensor, Tensor> Create(string name) => name == "mlp" ? Mlp() : SqrtLinear();

    private static Module<Tensor, Tensor> SqrtLinear() => new SqrtLinearModel();

    private static Module<Tensor, Tensor> Mlp() => Sequential(
        ("fc1", Linear(1, 32)), ("relu1", ReLU()),
        ("fc2", Linear(32, 32)), ("relu2", ReLU()),
        ("out", Linear(32, 1)));

    private sealed class SqrtLinearModel : Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear _linear = Linear(1, 1);

        public SqrtLinearModel() : base("SqrtLinear") => RegisterComponents();

        public override Tensor forward(Tensor h) => _linear.forward(sqrt(h));

        protected override void Dispose(bool disposing)
        {
            if (disposing) _linear.Dispose();
            base.Dispose(disposing);
        }
    }
}

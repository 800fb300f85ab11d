using System.Globalization;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>The layer types the counter and the editor know.</summary>
public enum LayerKind
{
    /// <summary><c>nn.Linear(in, out, bias)</c>.</summary>
    Linear,
    /// <summary><c>nn.Conv2d(in, out, kernel, stride, padding, bias)</c>.</summary>
    Conv2d,
    /// <summary><c>nn.Dropout(p)</c>.</summary>
    Dropout,
    /// <summary><c>nn.ReLU()</c>.</summary>
    ReLU,
    /// <summary><c>nn.Sigmoid()</c>.</summary>
    Sigmoid,
    /// <summary><c>nn.MaxPool2d(kernel, stride)</c>.</summary>
    MaxPool2d,
    /// <summary><c>nn.Flatten()</c> (start_dim = 1).</summary>
    Flatten,
}

/// <summary>
/// One layer and its arguments. Only the arguments its <see cref="Kind"/> uses matter:
/// Linear (In, Out, Bias), Conv2d (In, Out, Kernel, Stride, Padding, Bias), Dropout (P), MaxPool2d (Kernel, Stride).
/// </summary>
public sealed record LayerSpec(
    LayerKind Kind,
    int In = 0,
    int Out = 0,
    int Kernel = 0,
    int Stride = 1,
    int Padding = 0,
    bool Bias = true,
    double P = 0.5)
{
    /// <summary><c>Linear(in, out, bias)</c>.</summary>
    public static LayerSpec Linear(int @in, int @out, bool bias = true) => new(LayerKind.Linear, @in, @out, Bias: bias);

    /// <summary><c>Conv2d(in, out, kernel, stride, padding, bias)</c>.</summary>
    public static LayerSpec Conv2d(int @in, int @out, int kernel, int stride = 1, int padding = 0, bool bias = true) =>
        new(LayerKind.Conv2d, @in, @out, kernel, stride, padding, bias);

    /// <summary><c>Dropout(p)</c>.</summary>
    public static LayerSpec Dropout(double p = 0.5) => new(LayerKind.Dropout, P: p);

    /// <summary><c>ReLU()</c>.</summary>
    public static LayerSpec ReLU() => new(LayerKind.ReLU);

    /// <summary><c>Sigmoid()</c>.</summary>
    public static LayerSpec Sigmoid() => new(LayerKind.Sigmoid);

    /// <summary><c>MaxPool2d(kernel, stride)</c>; stride defaults to the kernel size, as in PyTorch.</summary>
    public static LayerSpec MaxPool2d(int kernel, int? stride = null) => new(LayerKind.MaxPool2d, Kernel: kernel, Stride: stride ?? kernel);

    /// <summary><c>Flatten()</c>.</summary>
    public static LayerSpec Flatten() => new(LayerKind.Flatten);

    /// <summary>True for layers that can hold parameters.</summary>
    public bool HasWeights => Kind is LayerKind.Linear or LayerKind.Conv2d;

    /// <summary>PyTorch-style text, e.g. <c>Conv2d(1, 2, kernel_size=3, stride=2)</c>.</summary>
    public override string ToString() => Kind switch
    {
        LayerKind.Linear => $"Linear({In}, {Out}{(Bias ? "" : ", bias=False")})",
        LayerKind.Conv2d => $"Conv2d({In}, {Out}, kernel_size={Kernel}{(Stride != 1 ? $", stride={Stride}" : "")}{(Padding != 0 ? $", padding={Padding}" : "")}{(Bias ? "" : ", bias=False")})",
        LayerKind.Dropout => $"Dropout(p={P.ToString("0.###", CultureInfo.InvariantCulture)})",
        LayerKind.MaxPool2d => $"MaxPool2d(kernel_size={Kernel}{(Stride != Kernel ? $", stride={Stride}" : "")})",
        _ => $"{Kind}()",
    };
}

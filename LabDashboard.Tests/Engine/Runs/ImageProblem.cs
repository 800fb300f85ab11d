using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

/// <summary>Stores one image per epoch (bytes need not be a real PNG for the service).</summary>
internal sealed class ImageProblem : IProblem
{
    public static byte[] BytesFor(int epoch) => [0x89, (byte)'P', (byte)'N', (byte)'G', (byte)epoch];

    public ProblemDescriptor Descriptor { get; } = new("images", 92, "Images", "Test problem.", [], [], []);

    public void Run(RunContext context)
    {
        for (var epoch = 1; epoch <= 2; epoch++) context.Image("sample", epoch, BytesFor(epoch));
    }
}

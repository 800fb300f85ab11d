namespace LabDashboard.Tests.Engine.Problems.GanMnist8;

/// <summary>
/// The GAN tests share one MNIST load, one classifier training and two runs; they seed libtorch's
/// global generator and measure RSS, so they run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GanMnistCollection : ICollectionFixture<GanMnistFixture>
{
    public const string Name = "GAN MNIST";
}

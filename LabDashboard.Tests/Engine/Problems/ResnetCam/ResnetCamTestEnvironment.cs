using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

/// <summary>
/// One State:Root shared by the resnet-cam tests of a test run, so the backbone is converted once
/// and features are cached once (keyed by backbone, preprocessing, size and image list).
/// </summary>
public static class ResnetCamTestEnvironment
{
    private static readonly Lazy<LabPaths> LazyPaths = new(() =>
    {
        var state = Path.Combine(Path.GetTempPath(), "labdashboard-resnet-cam-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        return new LabPaths([TestData.Root], state);
    });

    /// <summary>Data:Root = the shared test data; State:Root = a fresh temporary folder per test process.</summary>
    public static LabPaths Paths => LazyPaths.Value;

    /// <summary>A photo from the shared cats-and-dogs set.</summary>
    public static string Photo(string label, string name) => TestData.Path("catsdogs", label, name);
}

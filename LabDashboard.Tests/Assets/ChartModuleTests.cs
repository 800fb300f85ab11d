using System.Diagnostics;

namespace LabDashboard.Tests.Assets;

/// <summary>
/// The chart modules' own unit tests (<c>wwwroot-assets/test/*.test.mjs</c>, node's test runner) run with the
/// suite, so CI's one test command covers them too.
/// </summary>
public class ChartModuleTests
{
    [Fact]
    public async Task Node_unit_tests_of_the_chart_modules_pass()
    {
        var start = new ProcessStartInfo("node", ["--test", "test/"])
        {
            WorkingDirectory = Path.Combine(TestData.RepoRoot, "wwwroot-assets"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);

        var report = await output + await errors;
        Assert.True(node.ExitCode == 0, report);
        Assert.Contains("# fail 0", report);
        Assert.DoesNotContain("# pass 0", report);
    }
}

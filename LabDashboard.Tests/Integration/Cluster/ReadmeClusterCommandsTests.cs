namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>
/// README "Run a lab cluster" and the systemd units in <c>deploy/</c> start the processes with the
/// commands <see cref="ClusterProcessTests"/> runs (<see cref="ClusterCommands"/>), with their own values.
/// </summary>
public sealed class ReadmeClusterCommandsTests
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> ExampleEnvironment =
        ClusterCommands.Environment("Host=127.0.0.1;Username=lab;Password=lab;Database=lab", "127.0.0.1:6379", "/srv/labdashboard/data");

    [Fact]
    public void The_readme_starts_the_cluster_with_the_commands_the_process_test_runs()
    {
        var readme = File.ReadAllText(Path.Combine(TestData.RepoRoot, "README.md"));
        string[] lines =
        [
            ClusterCommands.Export(ExampleEnvironment),
            ClusterCommands.Line(ClusterCommands.Worker("w1", "11111", "30001", "http://127.0.0.1:5181", "/var/lib/labdashboard/worker-1")),
            ClusterCommands.Line(ClusterCommands.Worker("w2", "11112", "30002", "http://127.0.0.1:5182", "/var/lib/labdashboard/worker-2")),
            ClusterCommands.Line(ClusterCommands.Web("http://127.0.0.1:5080", "/var/lib/labdashboard/web")),
        ];
        foreach (var line in lines) Assert.Contains(line, readme);
    }

    [Fact]
    public void The_systemd_units_run_the_same_commands_with_the_settings_file_holding_the_shared_settings()
    {
        var deploy = Path.Combine(TestData.RepoRoot, "deploy");
        var worker = File.ReadAllText(Path.Combine(deploy, "labdashboard-worker@.service"));
        var web = File.ReadAllText(Path.Combine(deploy, "labdashboard-web.service"));
        var settings = File.ReadAllLines(Path.Combine(deploy, "lab.env"));

        Assert.Contains("ExecStart=/usr/bin/" + ClusterCommands.Line(ClusterCommands.Worker("%H-%i", "1111%i", "3000%i", "http://127.0.0.1:518%i",
            "/var/lib/labdashboard/worker-%i")) + "\n", worker);
        // Beyond loopback the web front is in classroom mode (sign-in required).
        Assert.Contains("ExecStart=/usr/bin/" + ClusterCommands.Line(ClusterCommands.Web("http://0.0.0.0:5080", "/var/lib/labdashboard/web")) + "\n", web);
        foreach (var unit in new[] { worker, web })
        {
            Assert.Contains("WorkingDirectory=/opt/labdashboard\n", unit);
            Assert.Contains("EnvironmentFile=/etc/labdashboard/lab.env\n", unit);
        }
        foreach (var (name, _) in ExampleEnvironment) Assert.Single(settings, line => line.StartsWith(name + "=", StringComparison.Ordinal));
    }
}

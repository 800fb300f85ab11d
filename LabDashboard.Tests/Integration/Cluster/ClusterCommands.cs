namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>
/// The commands of README "Run a lab cluster", for given ports and folders: <see cref="ClusterProcesses"/>
/// runs them (with its own ports, database schema and cluster name) and <see cref="ReadmeClusterCommandsTests"/>
/// checks that the README shows them with its example values, so the two cannot drift apart.
/// </summary>
internal static class ClusterCommands
{
    /// <summary>The settings every process of the cluster shares, as environment variables (all on one machine: its silos on loopback).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Environment(string postgres, string redis, string dataRoot) =>
    [
        new("Cluster__Mode", "orleans"),
        new("Cluster__AdvertisedAddress", "127.0.0.1"),
        new("ConnectionStrings__Lab", postgres),
        new("ConnectionStrings__Redis", redis),
        new("Data__Root", dataRoot),
    ];

    /// <summary>
    /// A worker: a silo that trains and serves only <c>/healthz</c> on <paramref name="url"/>. Ports are text so
    /// that the systemd unit's templates (<c>1111%i</c>) render as well.
    /// </summary>
    public static string[] Worker(string name, string siloPort, string gatewayPort, string url, string stateRoot) =>
    [
        "--Cluster:Role=worker", $"--Cluster:WorkerName={name}", $"--Cluster:SiloPort={siloPort}", $"--Cluster:GatewayPort={gatewayPort}",
        $"--urls={url}", $"--State:Root={stateRoot}",
    ];

    /// <summary>A web front: pages, hub and REST on <paramref name="url"/>, an Orleans client that runs nothing.</summary>
    public static string[] Web(string url, string stateRoot) => ["--Cluster:Role=web", $"--urls={url}", $"--State:Root={stateRoot}"];

    /// <summary>The loopback URL of <paramref name="port"/>.</summary>
    public static string Url(int port) => $"http://127.0.0.1:{port}";

    /// <summary>The shell line that sets <paramref name="environment"/>.</summary>
    public static string Export(IEnumerable<KeyValuePair<string, string>> environment) =>
        "export " + string.Join(' ', environment.Select(e => e.Value.Contains(';') ? $"\"{e.Key}={e.Value}\"" : $"{e.Key}={e.Value}"));

    /// <summary>The shell line that starts a process with <paramref name="arguments"/>, in the folder the app was published to.</summary>
    public static string Line(IEnumerable<string> arguments) => "dotnet LabDashboard.Web.dll " + string.Join(' ', arguments);
}

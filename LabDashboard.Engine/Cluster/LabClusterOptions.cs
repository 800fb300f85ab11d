using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace LabDashboard.Engine.Cluster;

/// <summary>How the process takes part in a lab cluster (section <c>Cluster</c>, plus <c>ConnectionStrings:Lab</c>).</summary>
public sealed partial class LabClusterOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cluster";

    /// <summary>The connection string's name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Lab";

    /// <summary><c>none</c> (one process, SQLite, no external service) or <c>orleans</c>.</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.None;

    /// <summary>In <c>orleans</c> mode: <c>web</c>, <c>worker</c> or <c>all</c>.</summary>
    public ClusterRole Role { get; set; } = ClusterRole.All;

    /// <summary>The worker's name in the shared history; null = host name and silo port.</summary>
    public string? WorkerName { get; set; }

    /// <summary>The silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients (web fronts) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The cluster's name (Orleans' cluster and service id): processes with the same name and Redis form one cluster.</summary>
    public string Name { get; set; } = "labdashboard";

    /// <summary>The address other silos and clients reach this silo at; null = Orleans' pick among the host's addresses.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>PostgreSQL (<c>ConnectionStrings:Lab</c>): runs and events in <c>orleans</c> mode.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Redis (<c>ConnectionStrings:Redis</c>): the cluster's membership, where Orleans is hosted (<see cref="ClusterHosting"/>).</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary><see cref="WorkerName"/>, or the host name and silo port.</summary>
    public string EffectiveWorkerName => WorkerName ?? $"{Environment.MachineName}:{SiloPort}";

    /// <summary>What is wrong with these options, each naming its setting; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Mode)) problems.Add($"Cluster:Mode must be none or orleans, not {Mode}.");
        if (!Enum.IsDefined(Role)) problems.Add($"Cluster:Role must be web, worker or all, not {Role}.");
        if (Mode == ClusterMode.Orleans && string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add("Cluster:Mode=orleans needs ConnectionStrings:Lab (the PostgreSQL database of the shared run history).");
        if (SiloPort is < 1 or > 65535) problems.Add($"Cluster:SiloPort must be a TCP port (1-65535), not {SiloPort}.");
        if (GatewayPort is < 1 or > 65535) problems.Add($"Cluster:GatewayPort must be a TCP port (1-65535), not {GatewayPort}.");
        if (SiloPort == GatewayPort) problems.Add($"Cluster:SiloPort and Cluster:GatewayPort must differ (both {SiloPort}).");
        if (WorkerName is not null && !WorkerNamePattern().IsMatch(WorkerName))
            problems.Add("Cluster:WorkerName must be 1-64 letters, digits, '.', '_', ':' or '-'.");
        if (!WorkerNamePattern().IsMatch(Name)) problems.Add("Cluster:Name must be 1-64 letters, digits, '.', '_', ':' or '-'.");
        if (AdvertisedAddress is not null && !IPAddress.TryParse(AdvertisedAddress, out _))
            problems.Add($"Cluster:AdvertisedAddress must be an IP address, not '{AdvertisedAddress}'.");
        return problems;
    }

    /// <summary>The settings in <paramref name="configuration"/>: the <c>Cluster</c> section and the <c>Lab</c> and <c>Redis</c> connection strings.</summary>
    public static LabClusterOptions From(IConfiguration configuration)
    {
        var options = new LabClusterOptions();
        options.Read(configuration);
        return options;
    }

    internal void Read(IConfiguration configuration)
    {
        configuration.GetSection(Section).Bind(this);
        ConnectionString ??= configuration.GetConnectionString(ConnectionStringName);
        RedisConnectionString ??= configuration.GetConnectionString("Redis");
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex WorkerNamePattern();
}

/// <summary>Whether the process is one of a lab cluster.</summary>
public enum ClusterMode
{
    /// <summary>One process runs everything: SQLite under <c>State:Root</c>, no external service.</summary>
    None,
    /// <summary>Part of an Orleans cluster sharing its run history in PostgreSQL.</summary>
    Orleans,
}

/// <summary>What a process of a lab cluster does.</summary>
public enum ClusterRole
{
    /// <summary>Pages, hub and REST; runs nothing itself.</summary>
    Web,
    /// <summary>Runs training on its devices.</summary>
    Worker,
    /// <summary>Both.</summary>
    All,
}

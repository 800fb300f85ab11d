using StackExchange.Redis;

namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>What every lab-cluster test does around its cluster: a name of its own, and its Redis keys removed afterwards.</summary>
internal static class TestClusters
{
    /// <summary>A cluster name no other test uses (<c>Cluster:Name</c>: the Redis membership key and SignalR channel prefix).</summary>
    public static string NewName() => "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Removes the keys under the cluster's name (Orleans' membership), which outlive the test.</summary>
    public static async Task ForgetAsync(string redis, string name)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        foreach (var server in connection.GetServers())
            foreach (var key in server.Keys(pattern: name + "*"))
                await connection.GetDatabase().KeyDeleteAsync(key);
    }
}

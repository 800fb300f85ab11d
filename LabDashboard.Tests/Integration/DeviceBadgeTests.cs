namespace LabDashboard.Tests.Integration;

/// <summary>
/// The header's device badge in one process (<c>Cluster:Mode=none</c>): this machine's device, where
/// its runs train. In a lab cluster it names the workers instead (<see cref="Cluster.ClusterWebTests"/>).
/// </summary>
[Collection(LabServerCollection.Name)]
public class DeviceBadgeTests(LabServerFixture fixture)
{
    [Fact]
    public async Task One_process_shows_its_own_device_and_no_cluster_workers()
    {
        using var http = fixture.Server.CreateClient();

        var home = await http.GetStringAsync("/");

        Assert.Contains("data-testid=\"device-badge\"", home);
        Assert.Contains("Device: cpu.", home);
        Assert.DoesNotContain("data-workers", home);
    }
}

namespace LabDashboard.Tests.Integration;

/// <summary>One <see cref="LabServer"/> shared by the tests of a collection.</summary>
public sealed class LabServerFixture : IAsyncLifetime
{
    private LabServer? _server;

    public LabServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await LabServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LabServerCollection : ICollectionFixture<LabServerFixture>
{
    public const string Name = "lab server";
}

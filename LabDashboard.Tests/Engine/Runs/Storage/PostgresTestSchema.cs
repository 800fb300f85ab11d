using Npgsql;

namespace LabDashboard.Tests.Engine.Runs.Storage;

/// <summary>
/// An empty schema of its own in the test PostgreSQL (<see cref="TestServices.PostgresVariable"/>),
/// dropped on dispose.
/// </summary>
internal sealed class PostgresTestSchema : IDisposable
{
    private readonly string _adminConnectionString;
    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N")[..16];

    public PostgresTestSchema()
    {
        _adminConnectionString = TestServices.Require(TestServices.PostgresVariable, "PostgreSQL");
        Execute($"CREATE SCHEMA {_schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { SearchPath = _schema }.ToString();
    }

    /// <summary>Connects with this schema as the search path, so unqualified tables are created and read there.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
        Execute($"DROP SCHEMA {_schema} CASCADE");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_adminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

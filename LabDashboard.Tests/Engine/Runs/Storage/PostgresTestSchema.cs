using Npgsql;

namespace LabDashboard.Tests.Engine.Runs.Storage;

/// <summary>
/// An empty schema of its own in the test PostgreSQL (<c>LAB_TEST_POSTGRES</c>, set by .ci/run),
/// dropped on dispose. Without that variable the test fails under CI (CI=true) and is skipped,
/// with the reason, elsewhere.
/// </summary>
internal sealed class PostgresTestSchema : IDisposable
{
    public const string Variable = "LAB_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N")[..16];

    public PostgresTestSchema()
    {
        _adminConnectionString = ServerConnectionString();
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

    /// <summary>The server's connection string; skips (locally) or fails (CI) when there is none.</summary>
    public static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value)) return value;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{Variable} is not set: CI must run PostgreSQL for these tests (.ci/run starts it).");
        throw new SkipException($"{Variable} is not set (no PostgreSQL; .ci/run starts one and sets it).");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_adminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

using Microsoft.Data.Sqlite;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>The SQLite file: connections (WAL, busy timeout) and the schema.</summary>
internal sealed class RunDatabase(string path)
{
    public const string FileName = "labdashboard.db";

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    // Reads are many and short (every list page, every watch of a stored run): their connections are pooled.
    private readonly string _readerConnectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Pooling = true,
        DefaultTimeout = 30,
        Mode = SqliteOpenMode.ReadOnly,
    }.ToString();

    public string Path { get; } = path;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>A pooled read-only connection (return it by disposing it).</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readerConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 10000;");
        return connection;
    }

    /// <summary>Closes the pooled read connections (the store is done with the file).</summary>
    public void CloseReaders()
    {
        using var connection = new SqliteConnection(_readerConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    public void CreateSchema()
    {
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS runs (
                id TEXT PRIMARY KEY,
                problem_id TEXT NOT NULL,
                status TEXT NOT NULL,
                settings TEXT NOT NULL,
                device TEXT NOT NULL,
                versions TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                started_at INTEGER,
                finished_at INTEGER,
                results TEXT,
                checks TEXT,
                error TEXT);
            CREATE INDEX IF NOT EXISTS runs_by_problem ON runs (problem_id, created_at);
            CREATE INDEX IF NOT EXISTS runs_by_time ON runs (created_at, id);
            CREATE TABLE IF NOT EXISTS events (
                run_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (run_id, seq)) WITHOUT ROWID;
            """);
        AddColumnIfMissing(connection, "runs", "owner", $"TEXT NOT NULL DEFAULT '{RunOwners.Local}'");
        Execute(connection, "CREATE INDEX IF NOT EXISTS runs_by_owner ON runs (owner, created_at)");
        AddColumnIfMissing(connection, "runs", "worker", "TEXT");
    }

    /// <summary>Brings a database written by an older version up to the current columns (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    private static void AddColumnIfMissing(SqliteConnection connection, string table, string column, string definition)
    {
        using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT 1 FROM pragma_table_info('{table}') WHERE name = $column";
        columns.Parameters.AddWithValue("$column", column);
        if (columns.ExecuteScalar() is null) Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public static long UnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}

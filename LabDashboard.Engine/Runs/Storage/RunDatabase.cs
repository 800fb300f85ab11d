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
        AddMissingColumns(connection);
        Execute(connection, "CREATE INDEX IF NOT EXISTS runs_by_owner ON runs (owner, created_at)");
    }

    /// <summary>Columns added to <c>runs</c> after its first release, with the value older rows get.</summary>
    private static readonly (string Name, string Definition)[] AddedRunColumns =
    [
        ("owner", $"TEXT NOT NULL DEFAULT '{RunOwners.Local}'"),
        ("worker", "TEXT"),
        ("name", "TEXT NOT NULL DEFAULT ''"),
        ("notes", "TEXT NOT NULL DEFAULT ''"),
        ("tags", "TEXT NOT NULL DEFAULT '[]'"),
    ];

    /// <summary>Brings a database written by an older version up to date (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    private static void AddMissingColumns(SqliteConnection connection)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM pragma_table_info('runs')";
            using var reader = command.ExecuteReader();
            while (reader.Read()) existing.Add(reader.GetString(0));
        }
        foreach (var (name, definition) in AddedRunColumns.Where(c => !existing.Contains(c.Name)))
            Execute(connection, $"ALTER TABLE runs ADD COLUMN {name} {definition}");
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

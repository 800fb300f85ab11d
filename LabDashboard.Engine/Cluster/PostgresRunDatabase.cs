using Npgsql;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// The lab cluster's shared run history in PostgreSQL (<c>ConnectionStrings:Lab</c>): connections
/// (Npgsql's pool) and the schema, which has the SQLite store's tables and columns (times in unix
/// ms, JSON as text, so both stores return the same values) plus the worker that wrote each run,
/// where the cluster placed each run (<see cref="PostgresRunPlacements"/>) and the runs' artifacts
/// (<see cref="PostgresArtifactStore"/>).
/// </summary>
internal sealed class PostgresRunDatabase(string connectionString)
{
    // Any constant: it only keeps two processes from creating the tables at the same moment.
    private const long SchemaLock = 0x4C616244617368;

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void CreateSchema()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLock})");
        // Ids are compared byte by byte (COLLATE "C") as SQLite does, so the list order and its cursors agree.
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS runs (
                id TEXT COLLATE "C" PRIMARY KEY,
                problem_id TEXT NOT NULL,
                owner TEXT NOT NULL,
                status TEXT NOT NULL,
                settings TEXT NOT NULL,
                device TEXT NOT NULL,
                versions TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                started_at BIGINT,
                finished_at BIGINT,
                results TEXT,
                checks TEXT,
                error TEXT,
                worker TEXT);
            ALTER TABLE runs ADD COLUMN IF NOT EXISTS name TEXT NOT NULL DEFAULT '';
            ALTER TABLE runs ADD COLUMN IF NOT EXISTS notes TEXT NOT NULL DEFAULT '';
            ALTER TABLE runs ADD COLUMN IF NOT EXISTS tags TEXT NOT NULL DEFAULT '[]';
            CREATE INDEX IF NOT EXISTS runs_by_problem ON runs (problem_id, created_at);
            CREATE INDEX IF NOT EXISTS runs_by_time ON runs (created_at, id);
            CREATE INDEX IF NOT EXISTS runs_by_owner ON runs (owner, created_at);
            CREATE INDEX IF NOT EXISTS runs_live_by_worker ON runs (worker) WHERE status IN ('queued', 'running', 'paused');
            CREATE TABLE IF NOT EXISTS events (
                run_id TEXT COLLATE "C" NOT NULL,
                seq BIGINT NOT NULL,
                kind TEXT NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (run_id, seq));
            CREATE TABLE IF NOT EXISTS run_placements (
                run_id TEXT COLLATE "C" PRIMARY KEY,
                worker TEXT NOT NULL,
                placed_at BIGINT NOT NULL);
            CREATE TABLE IF NOT EXISTS artifacts (
                path TEXT COLLATE "C" PRIMARY KEY,
                size BIGINT NOT NULL,
                written_at BIGINT NOT NULL,
                bytes BYTEA NOT NULL);
            """);
        transaction.Commit();
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        new(sql, connection, transaction);

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }
}

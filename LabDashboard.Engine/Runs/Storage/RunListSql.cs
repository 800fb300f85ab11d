using System.Data.Common;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>
/// The one list query of both stores (SQLite and PostgreSQL): filters, cursor, newest first, limit.
/// Only the parameter marker differs (<c>$</c> in SQLite, <c>@</c> in PostgreSQL).
/// </summary>
internal static class RunListSql
{
    /// <summary>Sets <paramref name="command"/>'s text and parameters to select <paramref name="columns"/> of the runs <paramref name="query"/> asks for.</summary>
    public static void Prepare(DbCommand command, RunQuery query, string columns, char marker)
    {
        var where = new List<string>();
        if (query.ProblemId is not null) where.Add(Condition(command, marker, "problem_id = {0}problem", ("problem", query.ProblemId)));
        if (query.Owner is not null) where.Add(Condition(command, marker, "owner = {0}owner", ("owner", query.Owner)));
        if (query.Before is { } before)
            where.Add(Condition(command, marker, "(created_at < {0}before OR (created_at = {0}before AND id < {0}beforeId))",
                ("before", before.CreatedAt.ToUnixTimeMilliseconds()), ("beforeId", before.RunId)));
        Add(command, marker, "limit", query.Limit);
        command.CommandText = $"SELECT {columns} FROM runs {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} "
            + $"ORDER BY created_at DESC, id DESC LIMIT {marker}limit";
    }

    private static string Condition(DbCommand command, char marker, string sql, params (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters) Add(command, marker, name, value);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, marker);
    }

    private static void Add(DbCommand command, char marker, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = marker + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

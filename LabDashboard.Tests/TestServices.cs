namespace LabDashboard.Tests;

/// <summary>
/// The external services some tests need (PostgreSQL, Redis), found through the variables .ci/run
/// sets. Without one, the test fails under CI (<c>CI=true</c>), where the service must be there, and
/// is skipped, with the reason, elsewhere.
/// </summary>
public static class TestServices
{
    /// <summary>PostgreSQL's connection string (Npgsql form).</summary>
    public const string PostgresVariable = "LAB_TEST_POSTGRES";

    /// <summary>Redis's connection string (StackExchange.Redis form, e.g. <c>127.0.0.1:6379</c>).</summary>
    public const string RedisVariable = "LAB_TEST_REDIS";

    /// <summary>The variable's value; skips (locally) or fails (CI) when it is not set.</summary>
    public static string Require(string variable, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value)) return value;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{variable} is not set: CI must run {service} for this test (.ci/run starts it).");
        throw new SkipException($"{variable} is not set (no {service}; .ci/run starts one and sets it).");
    }
}

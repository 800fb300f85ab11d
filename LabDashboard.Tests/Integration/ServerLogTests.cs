using LabDashboard.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Tests.Integration;

/// <summary>The log tells failures from clients' mistakes and chatter: a refused hub call is no failure, a real one is, once; EF Core's SQL is quiet.</summary>
public class ServerLogTests
{
    private const string Secret = "real failure 7c1f";

    [Fact]
    public async Task Refused_hub_calls_are_not_logged_as_failures_and_a_real_failure_is_logged_once_at_error()
    {
        var logs = new CollectedLogs();
        await using var server = await LabServer.StartAsync(null, new LabServerOptions
        {
            Environment = "Production",
            Logs = logs,
            MapExtra = app => app.MapHub<FailingHub>("/test/failing-hub"),
        });
        await using (var hub = await server.ConnectHubAsync())
        {
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("StartRun", null, null));
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("StartRun", "no-such-problem", null));
            await Assert.ThrowsAsync<HubException>(() => hub.WatchToEndAsync("no-such-run"));
        }
        await using (var failing = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "test/failing-hub")).Build())
        {
            await failing.StartAsync();
            await Assert.ThrowsAsync<HubException>(() => failing.InvokeAsync<string>(nameof(FailingHub.Fail)));
        }

        Assert.DoesNotContain(logs.Entries, e => e.Exception is HubException || e.Message.Contains("StartRun") || e.Message.Contains("Watch"));
        var failure = Assert.Single(logs.Entries, e => e.Exception?.Message == Secret);
        Assert.Equal(LogLevel.Error, failure.Level);
    }

    [Fact]
    public void The_shipped_settings_log_ef_cores_sql_only_from_warning_and_the_apps_own_information()
    {
        var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(TestData.RepoRoot, "LabDashboard.Web", "appsettings.json")).Build();
        using var services = new ServiceCollection()
            .AddLogging(b => b.AddConfiguration(settings.GetSection("Logging")).AddProvider(new EverythingProvider()))
            .BuildServiceProvider();
        var loggers = services.GetRequiredService<ILoggerFactory>();

        var sql = loggers.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command");
        Assert.False(sql.IsEnabled(LogLevel.Information));
        Assert.True(sql.IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("LabDashboard.Engine.Runs.RunService").IsEnabled(LogLevel.Information));
    }

    private sealed class EverythingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Everything();

        public void Dispose() { }

        private sealed class Everything : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) { }
        }
    }

    public sealed class FailingHub : Hub
    {
        public string Fail() => throw new InvalidOperationException(Secret);
    }
}

using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Web;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace LabDashboard.Tests.Integration;

public class TelemetryTests
{
    [Fact]
    public async Task Without_an_endpoint_the_app_registers_no_OpenTelemetry()
    {
        await using var server = await LabServer.StartAsync();

        Assert.Null(server.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_the_app_exports_the_metrics_of_a_real_run_with_their_tags()
    {
        var exported = new List<MetricSnapshot>();
        await using var server = await LabServer.StartAsync(null, new LabServerOptions
        {
            Settings = new Dictionary<string, string?>
            {
                // Nothing listens there: the OTLP exporter fails quickly, the in-memory one sees the same metrics.
                [LabTelemetry.EndpointKey] = "http://127.0.0.1:9",
                ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "1000",
            },
            Services = services => services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(exported)),
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var runId = await server.Runs.StartAsync("exp-mle", JsonDocument.Parse("""{"steps": 200}""").RootElement);
        await server.Runs.Watch(runId, 0, [RunEventKinds.Finished], timeout.Token).LastAsync(timeout.Token);
        // False: the OTLP export failed; the in-memory exporter has what it collected.
        server.Services.GetRequiredService<MeterProvider>().ForceFlush(30_000);

        var epochs = Point(exported, RunMetrics.EpochDuration, "problem", "exp-mle");
        Assert.Equal(20, epochs.GetHistogramCount());
        Assert.Equal(1, Point(exported, RunMetrics.RunsFinished, "outcome", "completed").GetSumLong());
        Assert.Equal(0, Point(exported, RunMetrics.RunsRunning, "worker", Environment.MachineName).GetGaugeLastValueLong());
        Assert.Equal(0, Point(exported, RunMetrics.RunsQueued, "worker", Environment.MachineName).GetGaugeLastValueLong());
    }

    [Fact]
    public async Task The_standard_OTLP_variables_send_the_metrics_to_a_collector_over_http()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var server = await LabServer.StartAsync(null, new LabServerOptions
        {
            Settings = new Dictionary<string, string?>
            {
                [LabTelemetry.StandardEndpointKey] = collector.BaseAddress.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var runId = await server.Runs.StartAsync("exp-mle", JsonDocument.Parse("""{"steps": 200}""").RootElement);
        await server.Runs.Watch(runId, 0, [RunEventKinds.Finished], timeout.Token).LastAsync(timeout.Token);

        Assert.True(server.Services.GetRequiredService<MeterProvider>().ForceFlush(30_000));
        var exports = collector.Requests.Where(r => r.Path == "/v1/metrics" && r.ContentType == "application/x-protobuf").ToList();
        Assert.NotEmpty(exports);
        var body = exports[^1].Body;
        // Protobuf keeps strings as they are: the payload names every instrument and tag value.
        var text = System.Text.Encoding.UTF8.GetString(body);
        Assert.All([RunMetrics.EpochDuration, RunMetrics.RunsFinished, RunMetrics.RunsQueued, RunMetrics.RunsRunning, "exp-mle", "completed", LabTelemetry.ServiceName],
            name => Assert.Contains(name, text));
    }

    /// <summary>The last exported point of <paramref name="metric"/> that has the tag.</summary>
    private static MetricPoint Point(IEnumerable<MetricSnapshot> exported, string metric, string tag, string value)
    {
        var points = exported.Where(m => m.Name == metric).SelectMany(m => m.MetricPoints).Where(p => HasTag(p, tag, value)).ToList();
        Assert.NotEmpty(points);
        return points[^1];
    }

    private static bool HasTag(MetricPoint point, string tag, string value)
    {
        foreach (var pair in point.Tags)
            if (pair.Key == tag && Equals(pair.Value, value)) return true;
        return false;
    }
}

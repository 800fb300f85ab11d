using LabDashboard.Engine.Runs;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace LabDashboard.Web;

/// <summary>
/// OpenTelemetry for the engine's <see cref="RunMetrics"/>, exported by OTLP, on every role (web,
/// worker, single process) once a collector is named: <see cref="EndpointKey"/> or the standard
/// <see cref="StandardEndpointKey"/> (the other standard <c>OTEL_EXPORTER_OTLP_*</c> settings, such as
/// the protocol, apply too). Without one nothing is registered and nothing is measured.
/// </summary>
public static class LabTelemetry
{
    /// <summary>The collector's OTLP endpoint, e.g. <c>http://127.0.0.1:4317</c> (gRPC).</summary>
    public const string EndpointKey = "OpenTelemetry:Endpoint";

    /// <summary>The OpenTelemetry SDK's own setting for the endpoint (an environment variable).</summary>
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name the metrics carry.</summary>
    public const string ServiceName = "labdashboard";

    /// <summary>Registers the OTLP metrics exporter when an endpoint is configured; otherwise leaves the app as it is.</summary>
    /// <exception cref="InvalidOperationException"><see cref="EndpointKey"/> is not an absolute URI.</exception>
    public static WebApplicationBuilder AddLabTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(builder.Configuration[StandardEndpointKey])) return builder;
        var uri = string.IsNullOrWhiteSpace(endpoint) ? null : ParseEndpoint(endpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(RunMetrics.MeterName).AddOtlpExporter(otlp => Point(otlp, uri)));
        return builder;
    }

    private static Uri ParseEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{EndpointKey} must be an absolute URI such as http://127.0.0.1:4317, not '{endpoint}'.");

    /// <summary>An explicit endpoint wins over the standard variable, which the exporter reads by itself.</summary>
    private static void Point(OtlpExporterOptions otlp, Uri? endpoint)
    {
        if (endpoint is not null) otlp.Endpoint = endpoint;
    }
}

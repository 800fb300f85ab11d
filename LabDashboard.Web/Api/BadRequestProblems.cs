using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace LabDashboard.Web.Api;

/// <summary>
/// A body or parameter the endpoints cannot bind (<c>null</c>, <c>[]</c>, not JSON, <c>{"problemId": 5}</c>, <c>?limit=abc</c>)
/// is answered with a ProblemDetails saying what is wrong, not a bare 400: binding failures are thrown
/// (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>) and turned into answers here, in every environment.
/// </summary>
internal static class BadRequestProblems
{
    /// <summary>Makes the endpoints throw on binding failures, so <see cref="UseBadRequestProblems"/> can word them.</summary>
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    /// <summary>Answers what the endpoints could not bind with a ProblemDetails naming it; the client's mistake is logged at Debug.</summary>
    public static IApplicationBuilder UseBadRequestProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BadRequestProblems))
                .LogDebug("{Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, e.InnerException?.Message ?? e.Message);
            var body = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var (parameter, detail) = Describe(e, body, json);
            await Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [detail] }, detail, statusCode: e.StatusCode, title: $"Invalid {parameter}")
                .ExecuteAsync(context);
        }
    });

    /// <summary>What to name (a body's property, or <c>body</c>) and what is wrong with it.</summary>
    internal static (string Parameter, string Detail) Describe(BadHttpRequestException e, Type? bodyType, JsonSerializerOptions json)
    {
        if (e.InnerException is not JsonException invalid)
            return e.Message.Contains("body", StringComparison.OrdinalIgnoreCase) ? ("body", MustBeObject) : ("request", e.Message);
        if (!invalid.Message.Contains("could not be converted", StringComparison.Ordinal))
            return ("body", $"The request body is not valid JSON: {FirstSentence(invalid.Message)}");
        if (invalid.Path is not { Length: > 2 } path || !path.StartsWith("$.", StringComparison.Ordinal)) return ("body", MustBeObject);
        var property = path[2..];
        return (property, $"{property} must be {Kind(PropertyType(bodyType, property, json))}.");
    }

    private const string MustBeObject = "The request body must be a JSON object.";

    /// <summary>The type of a top-level property of the body, by its JSON name; null when unknown (nested, or no body type).</summary>
    private static Type? PropertyType(Type? bodyType, string property, JsonSerializerOptions json)
    {
        if (bodyType is null) return null;
        return json.GetTypeInfo(bodyType).Properties.FirstOrDefault(p => p.Name == property)?.PropertyType;
    }

    private static string Kind(Type? type)
    {
        if (type is null) return "of another type";
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "a string";
        if (type == typeof(bool)) return "true or false";
        if (type.IsPrimitive || type == typeof(decimal)) return "a number";
        return !IsDictionary(type) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? "an array" : "an object";
    }

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}

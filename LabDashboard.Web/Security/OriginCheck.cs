namespace LabDashboard.Web.Security;

/// <summary>Answers 403 to any request whose <see cref="OriginPolicy"/> refuses it: hub negotiation and WebSockets, POST, DELETE and form posts alike.</summary>
internal sealed class OriginCheck(RequestDelegate next, OriginPolicy policy, IProblemDetailsService problems, ILogger<OriginCheck> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (policy.Allows(context.Request))
        {
            await next(context);
            return;
        }
        var origin = context.Request.Headers.Origin.ToString();
        logger.LogWarning("Refused {Method} {Path} from the origin {Origin}.", context.Request.Method, context.Request.Path, origin);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-origin request refused",
                Detail = $"Pages from {origin} may not use this server. Open the dashboard at its own address, or list the origin in Security:AllowedOrigins.",
            },
        });
    }
}

using Microsoft.AspNetCore.SignalR;

namespace LabDashboard.Web.Hubs;

/// <summary>
/// Logs what hub methods throw by kind: a <see cref="HubException"/> is a client's mistake already worded for it
/// (bad input, unknown run), logged at Information without a stack trace; anything else is a failure, logged at
/// Error with its exception. SignalR's dispatcher would log every throw at Error; its log is switched off, so each
/// throw is logged once, here.
/// </summary>
internal sealed class HubErrorLogging(ILogger<HubErrorLogging> logger) : IHubFilter
{
    /// <summary>The dispatcher's category, whose "Failed to invoke hub method" this filter replaces.</summary>
    private const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException e)
        {
            logger.LogInformation("Hub call {Method} refused: {Reason}", invocationContext.HubMethodName, e.Message);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Hub call {Method} failed", invocationContext.HubMethodName);
            throw;
        }
    }

    /// <summary>Adds SignalR with this filter on every hub, and switches the dispatcher's own log of throws off.</summary>
    public static ISignalRServerBuilder AddSignalRWithErrorLogging(WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter(DispatcherCategory, LogLevel.None);
        return builder.Services.AddSignalR(o => o.AddFilter<HubErrorLogging>());
    }
}

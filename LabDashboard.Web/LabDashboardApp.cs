using LabDashboard.Engine;
using LabDashboard.Web.Api;
using LabDashboard.Web.Components;
using LabDashboard.Web.Hubs;
using LabDashboard.Web.Security;
using MudBlazor.Services;

namespace LabDashboard.Web;

/// <summary>Builds the web app; tests call <see cref="Build"/> with their own configuration to run it on a real Kestrel.</summary>
public static class LabDashboardApp
{
    /// <summary>Where <c>dotnet run</c> listens when nothing else is configured: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Tests host the app from their own assembly; static web assets are found by this name.
            ApplicationName = typeof(LabDashboardApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        BindLoopbackUnlessConfigured(builder);
        // Development does this by itself; Production (the default) needs it to serve the framework's and MudBlazor's files from a build.
        builder.WebHost.UseStaticWebAssets();
        builder.AddLabSecurity();
        var folders = LabFolders.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddClassroom(folders.StateRoot);
        AddServices(builder, folders);

        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void BindLoopbackUnlessConfigured(WebApplicationBuilder builder)
    {
        var configured = !string.IsNullOrWhiteSpace(builder.Configuration["urls"])
            || builder.Configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured) builder.WebHost.UseUrls(DefaultUrl);
    }

    private static void AddServices(WebApplicationBuilder builder, LabFolders folders)
    {
        builder.Services.AddLabEngine(options =>
        {
            options.DataRoots.AddRange(folders.DataRoots);
            options.StateRoot = folders.StateRoot;
        });
        builder.AddLabClusterRole();
        builder.AddLabTelemetry();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddExam();
        builder.Services.AddLabLocalization();
        builder.Services.AddProblemDetails();
        builder.Services.AddBadRequestProblems();
        builder.Services.ConfigureHttpJsonOptions(o => LabJson.Configure(o.SerializerOptions));
        HubErrorLogging.AddSignalRWithErrorLogging(builder).AddJsonProtocol(o => LabJson.Configure(o.PayloadSerializerOptions)).AddRedisBackplane(builder.Configuration);
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseLabSecurity();
        if (LabClusterWeb.ServesOnlyHealth(app.Configuration))
        {
            app.MapHealth();
            return;
        }
        // Outside Development an unhandled exception is logged and answered with a bare 500 ProblemDetails: no stack trace leaves the server.
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBadRequestProblems();
        app.UseLabLocalization();
        app.UseClassroom();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapStaticAssets().AllowAnonymous();
        app.MapClassroom();
        app.MapProblemsApi();
        app.MapRunsApi();
        app.MapCultureApi();
        app.MapDatasetsApi();
        app.MapParamCountApi();
        app.MapCamApi();
        app.MapGanMnist8Api();
        app.MapExamApi();
        app.MapHub<TrainingHub>(TrainingHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}

using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Components.Problems.ConvEinsum;

/// <summary>
/// The data search path: the engine's <see cref="LabPaths"/> when registered, else the
/// <c>Data:Root</c> setting (default <c>data</c>) resolved against the content root.
/// </summary>
public sealed class DataRootsLocator(IServiceProvider services, IConfiguration configuration, IWebHostEnvironment environment)
{
    /// <summary>The folders to search, in order.</summary>
    public IReadOnlyList<string> Roots =>
        services.GetService<LabPaths>()?.DataRoots ?? FromConfiguration();

    /// <summary>The engine's writable state folder (where downloads land), when registered.</summary>
    public string? StateRoot => services.GetService<LabPaths>()?.StateRoot;

    private IReadOnlyList<string> FromConfiguration() =>
        (configuration["Data:Root"] ?? "data")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(root => Path.GetFullPath(Path.Combine(environment.ContentRootPath, root)))
            .ToList();
}

using System.Text.Json.Serialization;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems;

/// <summary>What a client needs to know about a problem before running it.</summary>
/// <param name="Id">Route id, e.g. <c>exp-mle</c>.</param>
/// <param name="Number">The exam's problem number (1–8).</param>
/// <param name="Title">Short title.</param>
/// <param name="Summary">One or two sentences on what the problem asks.</param>
/// <param name="Settings">The settings schema with the exam's defaults.</param>
/// <param name="Metrics">Metric names streamed in <c>epoch</c>/<c>batch</c> events.</param>
/// <param name="Results">Result names reported in the <c>finished</c> event.</param>
/// <param name="Trains">True when a run occupies the training device (one at a time per device).</param>
/// <param name="SmallTensors">
/// True when every tensor the problem makes is too small for libtorch's intra-op threads to pay off;
/// its runs then use one thread (see <see cref="Devices.DeviceInfo.ThreadsFor"/>).
/// </param>
public sealed record ProblemDescriptor(
    string Id,
    int Number,
    string Title,
    string Summary,
    IReadOnlyList<SettingSpec> Settings,
    IReadOnlyList<MetricSpec> Metrics,
    IReadOnlyList<MetricSpec> Results,
    bool Trains = true,
    bool SmallTensors = false)
{
    /// <summary>The resource key of <see cref="Title"/>.</summary>
    public string TitleKey => TitleKeyOf(Id);

    /// <summary>The resource key of the title of the problem <paramref name="id"/> (for pages that hold only its id).</summary>
    public static string TitleKeyOf(string id) => $"{id}.title";

    /// <summary>The resource key of <see cref="Summary"/>.</summary>
    public string SummaryKey => $"{Id}.summary";

    /// <summary>The settings schema, each setting keyed <c>&lt;id&gt;.setting.&lt;name&gt;</c>.</summary>
    public IReadOnlyList<SettingSpec> Settings { get; init; } = [.. Settings.Select(s => s with { TextKey = $"{Id}.setting.{s.Name}" })];

    /// <summary>The metrics, each keyed <c>&lt;id&gt;.metric.&lt;name&gt;</c>.</summary>
    public IReadOnlyList<MetricSpec> Metrics { get; init; } = [.. Metrics.Select(m => m with { TextKey = $"{Id}.metric.{m.Name}" })];

    /// <summary>The results, each keyed <c>&lt;id&gt;.result.&lt;name&gt;</c>.</summary>
    public IReadOnlyList<MetricSpec> Results { get; init; } = [.. Results.Select(m => m with { TextKey = $"{Id}.result.{m.Name}" })];

    /// <summary>
    /// The setting giving a run's length in reported units (steps or epochs), so a client can show
    /// progress before the run reports any; null when the problem has no such setting.
    /// </summary>
    public string? ProgressSetting { get; init; }

    /// <summary>
    /// The setting giving how many of <see cref="ProgressSetting"/>'s units lie between reported points;
    /// null when every unit is reported.
    /// </summary>
    public string? ReportEverySetting { get; init; }

    /// <summary>
    /// The kind of worker a lab cluster places this problem's runs on first (<see cref="DeviceKind.Cuda"/> for
    /// the heavy ones). A preference, not a need: with no free worker of that kind a run goes to another, so a
    /// class with only CPU workers runs every problem. The default, <see cref="DeviceKind.Cpu"/>, keeps GPU
    /// workers free for the problems that gain from them.
    /// </summary>
    public DeviceKind PreferredDevice { get; init; } = DeviceKind.Cpu;

    /// <summary>
    /// Folders under <c>State:Root</c> in which the problem keeps one sub-folder per run (saved models,
    /// galleries); deleting a run deletes its sub-folder in each, as it deletes the run's images.
    /// </summary>
    public IReadOnlyList<string> RunFolders { get; init; } = [];

    /// <summary>
    /// How many images a run with given settings stores, for problems whose settings decide it, so a
    /// run that would pass <c>Runs:MaxImagesPerRun</c> is refused when submitted; null when it is small
    /// and fixed. Not sent to clients.
    /// </summary>
    [JsonIgnore]
    public ImageEstimate? Images { get; init; }

    /// <summary>
    /// A limit no single setting decides (e.g. the memory a batch of a given stack needs), checked when a
    /// run is submitted after each setting passed its own: the setting to name and what is wrong, or null.
    /// Not sent to clients.
    /// </summary>
    [JsonIgnore]
    public Func<RunSettings, (string Setting, string Problem)?>? SettingsLimit { get; init; }
}

/// <summary>A problem's estimate of a run's image count (<see cref="ProblemDescriptor.Images"/>).</summary>
/// <param name="Setting">The setting to name when the estimate is too high (e.g. <c>gridEvery</c>).</param>
/// <param name="PerRun">The images a run with these settings stores.</param>
public sealed record ImageEstimate(string Setting, Func<RunSettings, long> PerRun);

/// <summary>A metric or result name with a label for charts and tables.</summary>
public sealed record MetricSpec(string Name, string Label, string? Description = null)
{
    /// <summary>
    /// The resource key of <see cref="Label"/> (<see cref="Description"/> adds <c>.description</c>), set by
    /// <see cref="ProblemDescriptor"/>; null outside a descriptor.
    /// </summary>
    public string? TextKey { get; init; }
}

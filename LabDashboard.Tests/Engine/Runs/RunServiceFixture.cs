using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

/// <summary>A run service over the given problems with a fresh temporary <c>State:Root</c>; restartable.</summary>
internal sealed class RunServiceFixture : IDisposable
{
    private readonly TempFolder _state = new();
    private readonly IProblem[] _problems;
    private readonly RunServiceOptions _options;
    private readonly DeviceInfo _device;

    public RunServiceFixture(params IProblem[] problems) : this(new RunServiceOptions(), problems)
    {
    }

    public RunServiceFixture(RunServiceOptions options, params IProblem[] problems)
        : this(DeviceInfo.Detect(), options, problems)
    {
    }

    public RunServiceFixture(DeviceInfo device, RunServiceOptions options, params IProblem[] problems)
    {
        _problems = problems;
        _options = options;
        _device = device;
        Service = Create();
    }

    public RunService Service { get; private set; }

    /// <summary>Per-user limits of the next <see cref="Restart"/> (the first service has the defaults).</summary>
    public QuotaOptions Quotas { get; set; } = new();

    public string StateRoot => _state.Path;

    /// <summary>Disposes the service and opens a new one on the same state folder, like a process restart.</summary>
    public RunService Restart()
    {
        Service.Dispose();
        Service = Create();
        return Service;
    }

    public Task<string> StartAsync(string problemId, string? settingsJson = null, string owner = RunOwners.Local) =>
        Service.StartAsync(problemId, settingsJson is null ? null : JsonDocument.Parse(settingsJson).RootElement, owner);

    /// <summary>Every event of the run from <paramref name="afterSeq"/> to <c>finished</c>.</summary>
    public async Task<List<RunEvent>> WatchToEnd(string runId, long afterSeq = 0)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<RunEvent>();
        await foreach (var e in Service.Watch(runId, afterSeq, timeout.Token)) events.Add(e);
        return events;
    }

    public void Dispose()
    {
        Service.Dispose();
        _state.Dispose();
    }

    private RunService Create() =>
        new(new ProblemCatalog(_problems), _device, new LabPaths([], _state.Path), _options, quotas: Quotas);
}

/// <summary>Reads a watch stream one event at a time, with a timeout so a broken run fails the test instead of hanging it.</summary>
internal sealed class EventReader(IAsyncEnumerable<RunEvent> stream) : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private IAsyncEnumerator<RunEvent>? _enumerator;

    public List<RunEvent> Seen { get; } = [];

    public async Task<RunEvent> Next()
    {
        _enumerator ??= stream.GetAsyncEnumerator(_timeout.Token);
        Assert.True(await _enumerator.MoveNextAsync(), "The stream ended early.");
        Seen.Add(_enumerator.Current);
        return _enumerator.Current;
    }

    /// <summary>Reads until an event matches and returns it.</summary>
    public async Task<RunEvent> Until(Func<RunEvent, bool> match)
    {
        while (true)
        {
            var e = await Next();
            if (match(e)) return e;
        }
    }

    public Task<RunEvent> UntilKind(string kind) => Until(e => e.Kind == kind);

    public async Task<bool> Ended()
    {
        _enumerator ??= stream.GetAsyncEnumerator(_timeout.Token);
        return !await _enumerator.MoveNextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_enumerator is not null) await _enumerator.DisposeAsync();
        _timeout.Dispose();
    }
}

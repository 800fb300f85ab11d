namespace LabDashboard.Engine.Runs;

/// <summary>Lets through at most one batch event per interval; the rest are dropped before they get a seq.</summary>
internal sealed class BatchThrottle(TimeSpan interval)
{
    private long _lastPassedMs = long.MinValue;

    public bool Pass(long nowMs)
    {
        if (_lastPassedMs != long.MinValue && nowMs - _lastPassedMs < interval.TotalMilliseconds) return false;
        _lastPassedMs = nowMs;
        return true;
    }
}

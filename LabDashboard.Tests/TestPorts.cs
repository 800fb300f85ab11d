using System.Net;
using System.Net.Sockets;

namespace LabDashboard.Tests;

/// <summary>Free loopback TCP ports for the servers tests start.</summary>
internal static class TestPorts
{
    /// <summary>
    /// <paramref name="count"/> different free ports, all held open while chosen: one process's HTTP,
    /// silo and gateway ports must differ, and ports picked one at a time may repeat.
    /// </summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }

    /// <summary>One free port.</summary>
    public static int Free() => Free(1)[0];
}

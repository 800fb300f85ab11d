using System.Collections.Concurrent;
using System.Net;
using LabDashboard.Engine.Data;

namespace LabDashboard.Tests.Engine.Data;

/// <summary>
/// A local HTTP server on 127.0.0.1 serving the shared MNIST files as mirrors do, plus broken
/// variants: <c>/good/</c>, <c>/badsum/</c> (valid gzip, wrong content), <c>/truncated/</c> (half a
/// .gz), <c>/cutoff/</c> (announces the full length, sends half, drops the connection), <c>/missing/</c> (404).
/// </summary>
public sealed class LocalMirror : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Thread _thread;

    public LocalMirror()
    {
        Port = TestPorts.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _thread = new Thread(Serve) { IsBackground = true, Name = "LocalMirror" };
        _thread.Start();
    }

    public int Port { get; }
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Extra files served whole under <c>/files/{name}</c> and cut off halfway under <c>/cutoff/{name}</c>.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public string Url(string variant) => $"http://127.0.0.1:{Port}/{variant}/";

    private void Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = _listener.GetContext(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            ThreadPool.QueueUserWorkItem(_ => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var parts = context.Request.Url!.AbsolutePath.Trim('/').Split('/');
        Requests.Enqueue(context.Request.Url.AbsolutePath);
        var response = context.Response;
        try
        {
            var real = Path.Combine(TestData.Path("mnist"), parts[^1]);
            Files.TryGetValue(parts[^1], out var extra);
            switch (parts[0])
            {
                case "files" when extra is not null: Send(response, extra); break;
                case "cutoff" when extra is not null: CutOff(response, extra); break;
                case "good" when File.Exists(real): Send(response, File.ReadAllBytes(real)); break;
                case "badsum": Send(response, File.ReadAllBytes(TestData.Path("fashion-mnist", "t10k-labels-idx1-ubyte.gz"))); break;
                case "truncated" when File.Exists(real): Send(response, File.ReadAllBytes(real)[..(int)(new FileInfo(real).Length / 2)]); break;
                case "cutoff" when File.Exists(real): CutOff(response, File.ReadAllBytes(real)); break;
                default: response.StatusCode = 404; response.Close(); break;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
    }

    private static void Send(HttpListenerResponse response, byte[] body)
    {
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    private static void CutOff(HttpListenerResponse response, byte[] body)
    {
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body, 0, body.Length / 2);
        response.OutputStream.Flush();
        response.Abort();
    }

    public ImageDatasetSpec Mnist(params string[] variants) => ImageDatasets.Mnist with { Mirrors = [.. variants.Select(Url)] };

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Integration;

/// <summary>Issue 14: iris's dataFile names an uploaded CSV (size-capped, under State:Root), never a server path.</summary>
[Collection(LabServerCollection.Name)]
public class IrisUploadApiTests(LabServerFixture fixture)
{
    private LabServer Server => fixture.Server;

    [Fact]
    public async Task An_uploaded_csv_gets_an_id_that_a_run_trains_on()
    {
        using var http = Server.CreateClient();
        var csv = string.Join('\n', File.ReadLines(TestData.Path("iris.csv")).Where((_, i) => i == 0 || i % 5 == 0));

        using var upload = await http.PostAsync("api/datasets/iris/uploads", Form(new StringContent(csv), "my iris.csv"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var body = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("uploadId").GetString()!;
        Assert.Matches("^my_iris-[0-9a-f]{12}$", id);
        Assert.Equal(30, body.GetProperty("rows").GetInt32());
        Assert.True(File.Exists(Path.Combine(Server.StateRoot, "iris", "uploads", id + ".csv")));

        using var start = await http.PostAsJsonAsync("api/runs", new { problemId = "iris", settings = new { dataFile = id, epochs = 10 } });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
        var events = new List<RunEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await foreach (var e in Server.Runs.Watch(runId, 0, timeout.Token)) events.Add(e);

        Assert.Equal(RunOutcome.Completed, events[^1].Outcome);
        var split = (JsonElement)events.Single(e => e.Kind == RunEventKinds.Data && e.Name == "split").Data!;
        Assert.Equal(30, split.GetProperty("train").GetArrayLength() + split.GetProperty("test").GetArrayLength());
    }

    [Fact]
    public async Task A_csv_of_another_shape_is_a_400_naming_the_line_and_nothing_is_kept()
    {
        using var http = Server.CreateClient();
        var before = Uploads();

        using var response = await http.PostAsync("api/datasets/iris/uploads", Form(new StringContent("a,b\n1,2\n"), "other.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("line 1", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(before, Uploads());
    }

    [Fact]
    public async Task A_100_MB_file_without_a_newline_is_refused_by_its_size_before_the_server_reads_it()
    {
        using var http = Server.CreateClient();
        const long size = 100L * 1024 * 1024;
        await using var endless = new NoNewlineStream(size);
        var file = new StreamContent(endless);
        file.Headers.ContentLength = size;

        var status = await PostIgnoringResetAsync(http, Form(file, "huge.csv"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.True(endless.Position < 16 * 1024 * 1024, $"the server let the client send {endless.Position:N0} bytes");
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_refused_once_the_cap_is_passed()
    {
        using var http = Server.CreateClient();
        await using var endless = new NoNewlineStream(100L * 1024 * 1024);
        var form = Form(new StreamContent(endless), "huge.csv");
        form.Headers.ContentLength = null;

        var status = await PostIgnoringResetAsync(http, form, chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.True(endless.Position < 16 * 1024 * 1024, $"the server let the client send {endless.Position:N0} bytes");
    }

    /// <summary>The status, or 413 when the server closed the connection on a body it refused while the client was still sending.</summary>
    private static async Task<HttpStatusCode> PostIgnoringResetAsync(HttpClient http, HttpContent content, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/datasets/iris/uploads") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            return HttpStatusCode.RequestEntityTooLarge;
        }
    }

    private int Uploads()
    {
        var folder = Path.Combine(Server.StateRoot, "iris", "uploads");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    private static MultipartFormDataContent Form(HttpContent file, string name)
    {
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>A long run of 'a' produced as it is read, so the test itself holds no 100 MB.</summary>
    private sealed class NoNewlineStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => Interlocked.Read(ref _position); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            Interlocked.Add(ref _position, n);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Diagnostics;
using System.Net;
using LabDashboard.Tests.Engine.Problems.ResnetCam;
using Xunit.Abstractions;

namespace LabDashboard.Tests.Integration;

/// <summary>
/// Seeded mutations of two real baseline photos, one small (ImageSharp decodes it after libjpeg's check)
/// and one 1600×1200 (libjpeg decodes it at 1/4), against the real server: never a 5xx, no request over
/// 10 s, and the process's memory does not grow with the number of requests.
/// </summary>
[Trait("Category", "Slow")]
[Collection(CamUploadFuzzCollection.Name)]
public class CamUploadFuzzTests(CamApiFixture server, ITestOutputHelper output) : IClassFixture<CamApiFixture>
{
    private const int Mutations = 300;
    // Measured over 600: RSS climbs ~130 MB in the first 100-200 requests (pools, allocator arenas) and is flat
    // after; a leaked full-size decode (7.7 MB for the large photo) would add ~770 MB over the measured 150.
    private const int WarmUp = 150;
    private const long AllowedGrowthBytes = 100L * 1024 * 1024;

    [Fact]
    public async Task Mutated_photos_never_get_a_5xx_nor_hang_and_memory_stays_flat()
    {
        var small = File.ReadAllBytes(ResnetCamTestEnvironment.Photo("dog", "american_bulldog_10.jpg"));
        var large = File.ReadAllBytes(ResnetCamTestEnvironment.Photo("cat", "Abyssinian_32.jpg"));
        var mutators = new[] { new JpegMutator(small, seed: 12), new JpegMutator(large, seed: 34) };
        var statuses = new Dictionary<HttpStatusCode, int>();
        var slowest = TimeSpan.Zero;
        long rssAfterWarmUp = 0;
        for (var i = 0; i < Mutations; i++)
        {
            if (i == WarmUp) rssAfterWarmUp = SettledRss();
            var (bytes, what) = mutators[i % 2].Next();
            var (status, _, body, took) = await CamUploads.PostAsync(server.Client, bytes);
            Assert.True((int)status < 500, $"mutation {i} ({what}) got {(int)status}: {body}");
            Assert.True(took < TimeSpan.FromSeconds(10), $"mutation {i} ({what}) took {took.TotalSeconds:F1} s");
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            slowest = took > slowest ? took : slowest;
        }
        var growth = SettledRss() - rssAfterWarmUp;

        output.WriteLine($"{Mutations} mutations: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key} × {s.Value}"))}; "
            + $"slowest {slowest.TotalMilliseconds:F0} ms; RSS growth after warm-up {growth / 1e6:F1} MB");
        Assert.True(growth < AllowedGrowthBytes, $"RSS grew by {growth / 1e6:F0} MB over {Mutations - WarmUp} requests");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 0 && statuses.GetValueOrDefault(HttpStatusCode.UnprocessableEntity) > 0,
            "the mutations should give both decodable and refused files");
        Assert.Equal(HttpStatusCode.OK, (await CamUploads.PostAsync(server.Client, small)).Status);
    }

    private static long SettledRss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}

// Alone, after the parallel phase: RSS is the whole test process's, so other tests must not be allocating beside it.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CamUploadFuzzCollection
{
    public const string Name = "cam upload fuzz";
}

using System.Diagnostics;
using LabDashboard.Engine.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabDashboard.Bench;

/// <summary>
/// The decode of one large JPEG for a 512 px model input, the ways it can go, interleaved so each
/// round sees the same machine: libjpeg-turbo's reduced decode alone and the product's whole
/// decode (checks, reduced decode, orientation, resize), against ImageSharp 2.1's full decode alone
/// and with the resize (the path without a reduced decoder).
/// </summary>
internal static class ResnetDecodeBench
{
    private const int Side = 512;

    public static void Compare(string name, byte[] jpeg, int repeats)
    {
        var decoder = new ImageDecoder();
        var reduction = ImageDecoder.JpegReduction(4032, 3024, Side);
        (string Label, Action Run)[] ways =
        [
            ($"libjpeg-turbo at 1/{reduction} alone", () => SkiaJpeg.Decode(jpeg, reduction)),
            ("ImageSharp full decode alone", () => Image.Load<Rgb24>(jpeg).Dispose()),
            ($"product decode to {Side}² (checks, 1/{reduction}, orient, resize)", () => decoder.Decode(jpeg, Side, Side)),
            ($"ImageSharp full decode + resize to {Side}²", () => FullDecodeResized(jpeg)),
        ];
        var times = ways.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round <= repeats; round++)
            for (var i = 0; i < ways.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                ways[i].Run();
                if (round > 0) times[i].Add(clock.Elapsed.TotalMilliseconds); // round 0 warms up
            }
        Console.WriteLine($"decode of the {name} 4032×3024 JPEG ({jpeg.Length:N0} bytes), {repeats} interleaved rounds after a warm-up, median (min):");
        for (var i = 0; i < ways.Length; i++)
            Console.WriteLine($"  {ways[i].Label}: {BenchEnvironment.Median(times[i]):F0} ms ({times[i].Min():F0})");
    }

    private static void FullDecodeResized(byte[] jpeg)
    {
        using var image = Image.Load<Rgb24>(jpeg);
        image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(Side, Side), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Triangle }));
    }
}

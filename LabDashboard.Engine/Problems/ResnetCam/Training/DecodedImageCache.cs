using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Data;
using LabDashboard.Engine.Runs;
using Microsoft.Win32.SafeHandles;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>
/// Decoded, oriented, resized images as raw uint8 RGB in one file per (image list, size):
/// decoding JPEGs every epoch is slow, and float at 512² for all of Oxford would be 11 GB.
/// Reads are thread-safe (positional reads).
/// </summary>
internal sealed class DecodedImageCache : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly int _imageBytes;

    private DecodedImageCache(string path, int size, int count)
    {
        Size = size;
        Count = count;
        _imageBytes = size * size * 3;
        _file = File.OpenHandle(path);
    }

    public int Size { get; }
    public int Count { get; }

    public RgbImage Read(int index)
    {
        var bytes = new byte[_imageBytes];
        RandomAccess.Read(_file, bytes, (long)index * _imageBytes);
        return new RgbImage(Size, Size, bytes);
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Opens the cache for these images at this size, decoding them first when needed.</summary>
    public static DecodedImageCache OpenOrBuild(string folder, IReadOnlyList<PetImage> images, int size, ImageDecoder decoder,
        Action<int>? progress, CancellationToken cancellation)
    {
        var path = Path.Combine(folder, $"{CacheKey.For(images, "rgb-u8", size)}-{size}.rgb");
        if (!File.Exists(path)) Build(path, images, size, decoder, progress, cancellation);
        return new DecodedImageCache(path, size, images.Count);
    }

    private static void Build(string path, IReadOnlyList<PetImage> images, int size, ImageDecoder decoder, Action<int>? progress, CancellationToken cancellation)
    {
        AtomicFile.Write(path, output =>
        {
            for (var i = 0; i < images.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                output.Write(Decode(decoder, images[i], size).Rgb);
                progress?.Invoke(i + 1);
            }
        });
    }

    private static RgbImage Decode(ImageDecoder decoder, PetImage image, int size)
    {
        try
        {
            return decoder.Decode(File.ReadAllBytes(image.Path), size, size).Image;
        }
        catch (ImageRejectedException e)
        {
            throw new InvalidDataException($"{image.Path}: {e.Message}", e);
        }
    }
}

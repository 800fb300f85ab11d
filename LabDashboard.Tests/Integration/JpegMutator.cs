using System.Buffers.Binary;

namespace LabDashboard.Tests.Integration;

/// <summary>
/// Seeded mutations of a baseline JPEG: byte flips inside its DHT, DQT, SOF and SOS segments or its
/// entropy-coded data, truncations (with and without an end marker appended) and inserted markers.
/// </summary>
public sealed class JpegMutator
{
    private static readonly byte[] HeaderMarkers = [0xC4, 0xDB, 0xC0, 0xDA];
    private static readonly byte[] InsertableMarkers = [0xD8, 0xD9, 0xDA, 0xC4, 0xDB, 0xC0, 0xC2, 0xDD, 0xD0, 0xD3, 0xD7, 0xE1, 0xFE, 0x01, 0xFF];
    private readonly byte[] _jpeg;
    private readonly List<(byte Marker, int Start, int Length)> _segments = [];
    private readonly int _entropyStart;
    private readonly Random _random;

    public JpegMutator(byte[] baselineJpeg, int seed)
    {
        _jpeg = baselineJpeg;
        _random = new Random(seed);
        var position = 2;
        while (true)
        {
            var marker = _jpeg[position + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(_jpeg.AsSpan(position + 2));
            _segments.Add((marker, position, 2 + length));
            position += 2 + length;
            if (marker == 0xDA) break;
        }
        _entropyStart = position;
        Assert.True(HeaderMarkers.All(m => _segments.Any(s => s.Marker == m)), "the photo needs DHT, DQT, SOF0 and SOS segments");
    }

    /// <summary>The next mutation and what it did.</summary>
    public (byte[] Bytes, string What) Next() => _random.Next(6) switch
    {
        0 or 1 => FlipInSegment(HeaderMarkers[_random.Next(HeaderMarkers.Length)]),
        2 => FlipInEntropyData(),
        3 => Truncate(),
        _ => InsertMarker(),
    };

    private (byte[], string) FlipInSegment(byte marker)
    {
        var segments = _segments.Where(s => s.Marker == marker).ToList();
        var (_, start, length) = segments[_random.Next(segments.Count)];
        var bytes = (byte[])_jpeg.Clone();
        var flips = 1 + _random.Next(3);
        for (var i = 0; i < flips; i++) bytes[start + 2 + _random.Next(length - 2)] ^= (byte)(1 + _random.Next(255));
        return (bytes, $"{flips} byte(s) flipped in an FF{marker:X2} segment");
    }

    private (byte[], string) FlipInEntropyData()
    {
        var bytes = (byte[])_jpeg.Clone();
        var flips = 1 + _random.Next(16);
        for (var i = 0; i < flips; i++) bytes[_random.Next(_entropyStart, bytes.Length - 2)] = (byte)_random.Next(256);
        return (bytes, $"{flips} byte(s) of entropy-coded data replaced");
    }

    private (byte[], string) Truncate()
    {
        var cut = _random.Next(4, _jpeg.Length - 2);
        return _random.Next(2) == 0 ? (_jpeg[..cut], $"cut at {cut}") : ([.. _jpeg[..cut], 0xFF, 0xD9], $"cut at {cut}, FFD9 appended");
    }

    private (byte[], string) InsertMarker()
    {
        var marker = InsertableMarkers[_random.Next(InsertableMarkers.Length)];
        var at = _random.Next(2) == 0 ? _random.Next(2, _entropyStart) : _random.Next(_entropyStart, _jpeg.Length - 2);
        byte[] inserted = _random.Next(2) == 0 ? [0xFF, marker] : [0xFF, marker, (byte)_random.Next(256), (byte)_random.Next(256), .. RandomBytes(_random.Next(16))];
        return ([.. _jpeg[..at], .. inserted, .. _jpeg[at..]], $"FF{marker:X2} ({inserted.Length} bytes) inserted at {at}");
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}

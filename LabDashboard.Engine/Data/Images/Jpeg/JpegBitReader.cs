using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>
/// Reads the entropy-coded segment MSB first: undoes 0xFF00 byte stuffing and stops at a marker,
/// after which (or past the end) it supplies zero bits, as decoders conventionally do.
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _bits;
    private int _count;
    private bool _atMarker;

    /// <summary>A reader starting at <paramref name="position"/> of <paramref name="data"/>.</summary>
    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    /// <summary>The bit buffer (next bit in the top bit) and how many of its bits are valid; a decoder works on a copy in locals.</summary>
    public (ulong Bits, int Count) Buffered
    {
        readonly get => (_bits, _count);
        set => (_bits, _count) = value;
    }

    /// <summary>The buffer <paramref name="bits"/>/<paramref name="count"/> topped up to at least 57 valid bits.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public (ulong Bits, int Count) Refill(ulong bits, int count)
    {
        (_bits, _count) = (bits, count);
        Fill();
        return (_bits, _count);
    }

    /// <summary>Drops buffered bits and steps past the next RSTn marker.</summary>
    /// <exception cref="InvalidDataException">No restart marker follows.</exception>
    public void Restart()
    {
        _bits = 0;
        _count = 0;
        _atMarker = false;
        while (_position + 1 < _data.Length)
        {
            if (_data[_position] == 0xFF && _data[_position + 1] is >= 0xD0 and <= 0xD7)
            {
                _position += 2;
                return;
            }
            _position++;
        }
        throw new InvalidDataException("A restart marker is missing.");
    }

    private void Fill()
    {
        if (!_atMarker && _position <= _data.Length - 8)
        {
            // Most 8-byte windows hold no 0xFF (neither stuffing nor a marker): take whole bytes at once.
            var word = BinaryPrimitives.ReadUInt64BigEndian(_data[_position..]);
            if (!HasByteFF(word))
            {
                var bytes = (64 - _count) >> 3;
                _bits |= (word & (ulong.MaxValue << (64 - 8 * bytes))) >> _count;
                _count += 8 * bytes;
                _position += bytes;
                return;
            }
        }
        while (_count <= 56)
        {
            _bits |= (ulong)NextByte() << (56 - _count);
            _count += 8;
        }
    }

    private static bool HasByteFF(ulong word) => ((~word - 0x0101010101010101UL) & word & 0x8080808080808080UL) != 0;

    private byte NextByte()
    {
        if (_atMarker || _position >= _data.Length) return 0;
        var value = _data[_position];
        if (value != 0xFF)
        {
            _position++;
            return value;
        }
        if (_position + 1 < _data.Length && _data[_position + 1] == 0x00)
        {
            _position += 2;
            return 0xFF;
        }
        _atMarker = true;
        return 0;
    }
}

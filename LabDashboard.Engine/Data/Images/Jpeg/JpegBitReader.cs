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

    /// <summary>
    /// Makes at least 32 bits available, which covers one coefficient (a code of at most 16 bits and at most
    /// 16 extra bits); call before each <see cref="Peek"/>/<see cref="Skip"/> sequence of one coefficient.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Ensure32()
    {
        if (_count < 32) Fill();
    }

    /// <summary>The next <paramref name="length"/> (1–16) bits as an unsigned number, not consumed (after <see cref="Ensure32"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Peek(int length) => (int)(_bits >> (64 - length));

    /// <summary>Consumes <paramref name="length"/> bits (at most what <see cref="Peek"/> looked at).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Skip(int length)
    {
        _bits <<= length;
        _count -= length;
    }

    /// <summary>Reads an <paramref name="size"/>-bit (0–16) magnitude category value and sign-extends it (T.81 F.2.2.1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReceiveExtend(int size)
    {
        if (size == 0) return 0;
        var value = Peek(size);
        Skip(size);
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Fill()
    {
        while (_count <= 56)
        {
            _bits |= (ulong)NextByte() << (56 - _count);
            _count += 8;
        }
    }

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

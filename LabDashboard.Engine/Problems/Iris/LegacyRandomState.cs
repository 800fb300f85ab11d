namespace LabDashboard.Engine.Problems.Iris;

/// <summary>
/// numpy's legacy <c>RandomState</c> for an integer seed: MT19937 seeded by <c>init_genrand</c>,
/// with <c>permutation</c> done by the legacy Fisher–Yates shuffle that draws each index with the
/// mask-and-reject <c>random_interval</c>. Bit-for-bit what numpy (and so pandas) gives.
/// </summary>
public sealed class LegacyRandomState
{
    private const int StateLength = 624;
    private const int Shift = 397;
    private readonly uint[] _state = new uint[StateLength];
    private int _position;

    /// <summary>Seeds like <c>np.random.RandomState(seed)</c>.</summary>
    public LegacyRandomState(uint seed)
    {
        _state[0] = seed;
        for (var i = 1; i < StateLength; i++)
            _state[i] = 1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
        _position = StateLength;
    }

    /// <summary>The next 32-bit output (<c>genrand_int32</c>).</summary>
    public uint NextUInt32()
    {
        if (_position >= StateLength) Twist();
        var y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

    /// <summary>A uniform integer in [0, <paramref name="max"/>] by masking and rejecting (numpy's <c>random_interval</c>).</summary>
    public uint RandomInterval(uint max)
    {
        if (max == 0) return 0;
        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max) { }
        return value;
    }

    /// <summary><c>RandomState.permutation(n)</c>: 0..n-1 shuffled in place from the last position down.</summary>
    public int[] Permutation(int n)
    {
        var values = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i >= 1; i--)
        {
            var j = (int)RandomInterval((uint)i);
            (values[i], values[j]) = (values[j], values[i]);
        }
        return values;
    }

    private void Twist()
    {
        for (var i = 0; i < StateLength; i++)
        {
            var y = (_state[i] & 0x80000000u) | (_state[(i + 1) % StateLength] & 0x7fffffffu);
            var next = _state[(i + Shift) % StateLength] ^ (y >> 1);
            _state[i] = (y & 1) != 0 ? next ^ 0x9908b0dfu : next;
        }
        _position = 0;
    }
}

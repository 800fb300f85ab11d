namespace LabDashboard.Engine.Problems.Iris;

/// <summary>Row numbers of a train/test split: train in sampled order, test ascending.</summary>
/// <param name="Train">Training rows, in the order pandas' <c>sample</c> returns them.</param>
/// <param name="Test">The other rows, ascending (pandas' <c>drop</c> keeps the original order).</param>
public sealed record RowSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Test);

/// <summary>
/// pandas' <c>train = df.sample(frac=frac, random_state=seed)</c> and <c>test = df.drop(train.index)</c>
/// for a frame with a default index 0..n-1, row for row.
/// </summary>
public static class PandasSplit
{
    /// <summary>The split of <paramref name="rowCount"/> rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frac"/> outside (0, 1], or a negative seed or row count.</exception>
    public static RowSplit Sample(int rowCount, double frac, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (!(frac > 0 && frac <= 1))
            throw new ArgumentOutOfRangeException(nameof(frac), frac, "frac must be in (0, 1].");
        if (seed is < 0 or > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "seed must be between 0 and 2**32 - 1.");
        var size = SampleSize(rowCount, frac);
        // choice(n, size, replace=False) without weights is permutation(n)[:size].
        var train = new LegacyRandomState((uint)seed).Permutation(rowCount)[..size];
        var chosen = train.ToHashSet();
        var test = Enumerable.Range(0, rowCount).Where(row => !chosen.Contains(row)).ToArray();
        return new RowSplit(train, test);
    }

    /// <summary>pandas' <c>round(frac * n)</c>: Python's round, half to even, on the double product.</summary>
    public static int SampleSize(int rowCount, double frac) => (int)Math.Round(frac * rowCount, MidpointRounding.ToEven);
}

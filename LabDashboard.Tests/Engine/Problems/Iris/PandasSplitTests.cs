using LabDashboard.Engine.Problems.Iris;

namespace LabDashboard.Tests.Engine.Problems.Iris;

/// <summary>
/// Expected rows computed once with pandas 1.5.3 / numpy 1.24.2 (Debian 12 python3-pandas):
/// <c>df = pd.read_csv("iris.csv"); tr = df.sample(frac=F, random_state=S); te = df.drop(tr.index)</c>,
/// printing <c>list(tr.index)</c> and <c>list(te.index)</c>.
/// </summary>
public class PandasSplitTests
{
    [Fact]
    public void Seed_42_frac_0_8_matches_pandas_row_for_row()
    {
        int[] train =
        [
            73, 18, 118, 78, 76, 31, 64, 141, 68, 82, 110, 12, 36, 9, 19, 56, 104, 69, 55, 132, 29, 127, 26, 128, 131, 145, 108, 143, 45, 30,
            22, 15, 65, 11, 42, 146, 51, 27, 4, 32, 142, 85, 86, 16, 10, 81, 133, 137, 75, 109, 96, 105, 66, 0, 122, 67, 28, 40, 44, 60,
            123, 24, 25, 23, 94, 39, 95, 117, 47, 97, 113, 33, 138, 101, 62, 84, 148, 53, 5, 93, 111, 49, 35, 80, 77, 34, 114, 7, 43, 70,
            98, 120, 83, 134, 135, 89, 8, 13, 119, 125, 3, 17, 38, 72, 136, 6, 112, 100, 2, 63, 54, 126, 50, 115, 46, 139, 61, 147, 79, 59,
        ];
        int[] test = [1, 14, 20, 21, 37, 41, 48, 52, 57, 58, 71, 74, 87, 88, 90, 91, 92, 99, 102, 103, 106, 107, 116, 121, 124, 129, 130, 140, 144, 149];

        var split = PandasSplit.Sample(150, 0.8, 42);

        Assert.Equal(train, split.Train);
        Assert.Equal(test, split.Test);
    }

    [Fact]
    public void Seed_0_frac_0_75_rounds_112_5_half_to_even_and_matches_pandas()
    {
        int[] train =
        [
            114, 62, 33, 107, 7, 100, 40, 86, 76, 71, 134, 51, 73, 54, 63, 37, 78, 90, 45, 16, 121, 66, 24, 8, 126, 22, 44, 97, 93, 26,
            137, 84, 27, 127, 132, 59, 18, 83, 61, 92, 112, 2, 141, 43, 10, 60, 116, 144, 119, 108, 69, 135, 56, 80, 123, 133, 106, 146, 50, 147,
            85, 30, 101, 94, 64, 89, 91, 125, 48, 13, 111, 95, 20, 15, 52, 3, 149, 98, 6, 68, 109, 96, 12, 102, 120, 104, 128, 46, 11, 110,
            124, 41, 148, 1, 113, 139, 42, 4, 129, 17, 38, 5, 53, 143, 105, 0, 34, 28, 55, 75, 35, 23,
        ];
        int[] test =
        [
            9, 14, 19, 21, 25, 29, 31, 32, 36, 39, 47, 49, 57, 58, 65, 67, 70, 72, 74, 77, 79, 81, 82, 87, 88, 99, 103, 115, 117, 118,
            122, 130, 131, 136, 138, 140, 142, 145,
        ];

        var split = PandasSplit.Sample(150, 0.75, 0);

        Assert.Equal(112, PandasSplit.SampleSize(150, 0.75));
        Assert.Equal(train, split.Train);
        Assert.Equal(test, split.Test);
    }

    [Fact]
    public void Seed_12345_frac_0_3_matches_pandas()
    {
        int[] train =
        [
            69, 42, 56, 35, 16, 24, 73, 10, 94, 134, 17, 148, 85, 70, 110, 104, 28, 128, 92, 65, 84, 90, 33, 71, 47, 100, 4, 55, 2, 123,
            19, 48, 146, 121, 60, 117, 137, 67, 39, 51, 13, 79, 25, 127, 99,
        ];

        var split = PandasSplit.Sample(150, 0.3, 12345);

        Assert.Equal(train, split.Train);
        Assert.Equal(Enumerable.Range(0, 150).Except(train).Order(), split.Test);
    }

    [Fact]
    public void Frac_1_is_a_full_permutation_as_in_pandas()
    {
        var split = PandasSplit.Sample(150, 1.0, 7);

        Assert.Equal([149, 84, 40, 66, 106, 41, 52, 94, 11, 51], split.Train.Take(10));
        Assert.Equal([142, 92, 103, 67, 25], split.Train.TakeLast(5));
        Assert.Empty(split.Test);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.2)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    public void Frac_outside_0_to_1_is_refused(double frac)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PandasSplit.Sample(150, frac, 42));
        Assert.Equal("frac", error.ParamName);
    }

    [Fact]
    public void Mersenne_twister_gives_the_reference_first_outputs_for_seed_5489()
    {
        var rng = new LegacyRandomState(5489);

        Assert.Equal(3499211612u, rng.NextUInt32());
        Assert.Equal(581869302u, rng.NextUInt32());
    }
}

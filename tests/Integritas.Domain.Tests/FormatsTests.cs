using Integritas.Domain.Formatting;

namespace Integritas.Domain.Tests;

/// <summary>What readers see: id-ID numbers, and stored answers as the LKE shows them.</summary>
public class FormatsTests
{
    [Theory]
    [InlineData("PERSEN", "0.4595", "46,0%")]
    [InlineData("PERSEN", "0.855", "85,5%")]
    [InlineData("PERSEN", "0.5", "50%")]
    [InlineData("PERSEN", "1", "100%")]
    [InlineData("YT", "TIDAK", "Tidak")]
    [InlineData("YT", "ya", "Ya")]
    [InlineData("ABCDE", "C", "C")]
    [InlineData("PERSEN", "", "")]
    public void Answer_IsWrittenAsTheLkeShowsIt(string kind, string stored, string shown)
    {
        Assert.Equal(shown, Formats.Answer(kind, stored));
    }

    [Fact]
    public void Number_RoundsHalfAwayFromZeroWithIndonesianSeparators()
    {
        Assert.Equal("1.234,57", Formats.Number(1234.565m));
    }
}

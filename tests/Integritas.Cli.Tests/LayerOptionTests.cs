namespace Integritas.Cli.Tests;

/// <summary>--layer naming a review layer that is not stored: a message naming the layers there are, exit 1, never an empty table.</summary>
public sealed class LayerOptionTests(SampleDatabase db) : IClassFixture<SampleDatabase>
{
    [Theory]
    [InlineData("scores")]
    [InlineData("rank")]
    [InlineData("candidates")]
    [InlineData("trends")]
    public void LayerAbsentForTheYear_ExitsOneNamingTheLayersPresent(string command)
    {
        var result = Zi.Run(command, "--db", db.Path, "--year", "2025", "--layer", "tpn");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("zi: no LKE of layer tpn is stored for 2025 (layers for 2025: unit, tpi_unit, tpi_itjen)." + Environment.NewLine, result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void LayerPresentOnlyInLaterYears_NamesTheLayersOfTheYearAsked()
    {
        var result = Zi.Run("scores", "--db", db.Path, "--year", "2024", "--layer", "tpi_itjen");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no LKE of layer tpi_itjen is stored for 2024 (layers for 2024: unit)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_LayerAbsentEverywhere_NamesTheLayersInTheDatabase()
    {
        var result = Zi.Run("unit", "ESDM-06", "--db", db.Path, "--layer", "tpn");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no LKE of layer tpn is stored in the database (layers in the database: unit, tpi_unit, tpi_itjen)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void LayerPresent_Scores()
    {
        var result = Zi.Run("scores", "--db", db.Path, "--year", "2025", "--layer", "tpi_itjen", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"layer\": \"tpi_itjen\"", result.Out, StringComparison.Ordinal);
    }
}

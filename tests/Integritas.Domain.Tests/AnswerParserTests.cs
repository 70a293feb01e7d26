using Integritas.Domain.Lke;
using Integritas.Domain.Rules;

namespace Integritas.Domain.Tests;

public class AnswerParserTests
{
    private static readonly RuleSet Rule = RuleCatalog.Default.Find("90/2021")!;

    [Theory]
    [InlineData(AnswerKind.YT, "Ya", "1")]
    [InlineData(AnswerKind.YT, "tidak", "0")]
    [InlineData(AnswerKind.ABC, "A", "1")]
    [InlineData(AnswerKind.ABC, "b", "0.5")]
    [InlineData(AnswerKind.ABC, "C", "0")]
    [InlineData(AnswerKind.ABCD, "B", "0.67")]
    [InlineData(AnswerKind.ABCD, "C", "0.33")]
    [InlineData(AnswerKind.ABCD, "D", "0")]
    [InlineData(AnswerKind.ABCDE, "B", "0.75")]
    [InlineData(AnswerKind.ABCDE, "D", "0.25")]
    [InlineData(AnswerKind.ABCDE, "E", "0")]
    public void Parse_LetteredAnswer_HasWorkbookValue(AnswerKind kind, string answer, string expected)
    {
        var parsed = AnswerParser.Parse(Rule, kind, answer);

        Assert.Null(parsed.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData("0.85", "0.85")]
    [InlineData("0,85", "0.85")]
    [InlineData("85%", "0.85")]
    [InlineData("85,5%", "0.855")]
    [InlineData("100 %", "1")]
    [InlineData("0", "0")]
    public void Parse_Ratio_AcceptsPointCommaAndPercent(string answer, string expected)
    {
        var parsed = AnswerParser.Parse(Rule, AnswerKind.PERSEN, answer);

        Assert.Null(parsed.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData("1.2", "a ratio must be between 0 and 1")]
    [InlineData("120%", "between 0% and 100%")]
    [InlineData("-5%", "between 0% and 100%")]
    [InlineData("sebagian", "not a ratio")]
    public void Parse_RatioOutOfRangeOrText_IsRejectedWithReason(string answer, string reason)
    {
        var parsed = AnswerParser.Parse(Rule, AnswerKind.PERSEN, answer);

        Assert.Null(parsed.Value);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3,6", "0.9")]
    [InlineData("3.65", "0.9125")]
    [InlineData("4", "1")]
    [InlineData("0", "0")]
    public void Parse_Index_IsIndexOverFour(string answer, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AnswerParser.Parse(Rule, AnswerKind.INDEKS, answer).Value);
    }

    [Theory]
    [InlineData("4.01")]
    [InlineData("-0.5")]
    [InlineData("3,6,1")]
    public void Parse_IndexOutOfRange_IsRejected(string answer)
    {
        Assert.NotNull(AnswerParser.Parse(Rule, AnswerKind.INDEKS, answer).Error);
    }

    [Theory]
    [InlineData(AnswerKind.ABCD, "E")]
    [InlineData(AnswerKind.ABC, "D")]
    [InlineData(AnswerKind.YT, "Y")]
    [InlineData(AnswerKind.ABCD, "A.")]
    public void Parse_LetterOutsideItsKind_IsRejectedListingTheOptions(AnswerKind kind, string answer)
    {
        var parsed = AnswerParser.Parse(Rule, kind, answer);

        Assert.Null(parsed.Value);
        Assert.Contains("expected", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Empty_IsBlankNotAnError(string? answer)
    {
        var parsed = AnswerParser.Parse(Rule, AnswerKind.ABCD, answer);

        Assert.True(parsed.IsBlank);
        Assert.Null(parsed.Error);
    }

    [Fact]
    public void Parse_ThirdOfAPercent_IsKeptToTwentyDecimals()
    {
        var parsed = AnswerParser.Parse(Rule, AnswerKind.PERSEN, "33,333333333333333333333333%");

        Assert.Equal(0.33333333333333333333m, parsed.Value);
    }
}

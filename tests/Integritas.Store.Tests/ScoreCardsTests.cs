using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Store.Tests;

/// <summary>Stored score cards: written exactly, read back equal, and refused when they do not fit the rule.</summary>
public class ScoreCardsTests
{
    private static readonly RuleSet Rule = RuleCatalog.Default.ForYear(2024)!;

    private static ScoreCard Card() => new(Rule,
        [.. Rule.Areas.Select((a, i) => new AreaScore(a, i == 0 ? null : 1.2345678901234567890123m + i, i == 0 ? null : -0.5m, 3.10m + i))],
        [.. Rule.HasilParts.Select((p, i) => new HasilPartScore(p, i == 1 ? null : 15.625m))], 113, 2);

    [Fact]
    public void Read_WhatWriteWrote_GivesTheSameValuesAndScales()
    {
        var card = Card();

        var read = ScoreCards.Read(Rule, ScoreCards.Write(card));

        Assert.NotNull(read);
        Assert.Equal((card.Questions, card.BlankQuestions), (read.Questions, read.BlankQuestions));
        Assert.Equal(card.Areas.Select(a => (a.Code, a.Pemenuhan?.ToString(), a.Reform?.ToString(), a.Total.ToString())),
            read.Areas.Select(a => (a.Code, a.Pemenuhan?.ToString(), a.Reform?.ToString(), a.Total.ToString())));
        Assert.Equal(card.HasilParts.Select(p => p.Value), read.HasilParts.Select(p => p.Value));
        Assert.Equal(card.Total, read.Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("113")]
    [InlineData("113;x")]
    [InlineData("113;0;1,2,3")]
    public void Read_TextThatDoesNotFitTheRule_IsNull(string text)
    {
        Assert.Null(ScoreCards.Read(Rule, text));
    }

    [Fact]
    public void Read_AFieldMoreOrLess_IsNull()
    {
        var text = ScoreCards.Write(Card());

        Assert.Null(ScoreCards.Read(Rule, text + ";1"));
        Assert.Null(ScoreCards.Read(Rule, text[..text.LastIndexOf(';')]));
        Assert.Null(ScoreCards.Read(Rule, text.Replace(",-0.5,", ",-0.5,9,", StringComparison.Ordinal)));
    }
}

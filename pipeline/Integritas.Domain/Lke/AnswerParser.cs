using Integritas.Domain.Rules;

namespace Integritas.Domain.Lke;

/// <summary>
/// An answer as read: blank, a value (the question's score ratio 0–1 before the indicator weight), or the
/// reason it is not valid for its answer kind.
/// </summary>
public readonly record struct ParsedAnswer(decimal? Value, string Normalized, string? Error)
{
    public bool IsBlank => Value is null && Error is null;

    public static ParsedAnswer Blank => new(null, "", null);

    public static ParsedAnswer Invalid(string error) => new(null, "", error);
}

/// <summary>Turns answer text into the workbook's value for it (domain reference section 2, decision 3).</summary>
public static class AnswerParser
{
    /// <summary>Ratios are kept to this many decimals (also the storage scale), rounded half away from zero.</summary>
    public const int RatioScale = 20;

    public static ParsedAnswer Parse(RuleSet rule, AnswerKind kind, string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            return ParsedAnswer.Blank;
        }
        return kind switch
        {
            AnswerKind.PERSEN => ParseRatio(t),
            AnswerKind.INDEKS => ParseIndex(rule, t),
            _ => ParseOption(rule, kind, t),
        };
    }

    private static ParsedAnswer ParseOption(RuleSet rule, AnswerKind kind, string t)
    {
        var options = rule.Answers.For(kind);
        if (options is null)
        {
            return ParsedAnswer.Invalid($"answer kind {kind} is not defined by rule {rule.Id}");
        }
        var key = t.ToUpperInvariant();
        if (options.TryGetValue(key, out var value))
        {
            return new ParsedAnswer(value, Display(kind, key), null);
        }
        var expected = string.Join(", ", options.Keys.Select(k => Display(kind, k)));
        return ParsedAnswer.Invalid($"not a valid answer for {kind} (expected {expected})");
    }

    private static string Display(AnswerKind kind, string key) =>
        kind == AnswerKind.YT ? key[..1] + key[1..].ToLowerInvariant() : key;

    private static ParsedAnswer ParseRatio(string t)
    {
        var percent = t.EndsWith('%');
        var number = percent ? t[..^1].TrimEnd() : t;
        if (!LkeNumber.TryParse(number, out var value))
        {
            return ParsedAnswer.Invalid("not a ratio (write 0.85, 0,85, 85% or 85,5%)");
        }
        if (percent)
        {
            value /= 100m;
        }
        if (value is < 0 or > 1)
        {
            return ParsedAnswer.Invalid(percent
                ? "a percentage must be between 0% and 100%"
                : "a ratio must be between 0 and 1 (write 85% for a percentage)");
        }
        return new ParsedAnswer(RoundRatio(value), LkeNumber.Canonical(value), null);
    }

    private static ParsedAnswer ParseIndex(RuleSet rule, string t)
    {
        if (!LkeNumber.TryParse(t, out var index))
        {
            return ParsedAnswer.Invalid($"not an index (a number from 0 to {LkeNumber.Canonical(rule.IndexMax)})");
        }
        if (index < 0 || index > rule.IndexMax)
        {
            return ParsedAnswer.Invalid($"an index must be between 0 and {LkeNumber.Canonical(rule.IndexMax)}");
        }
        return new ParsedAnswer(RoundRatio(index / rule.IndexMax), LkeNumber.Canonical(index), null);
    }

    public static decimal RoundRatio(decimal ratio) => Math.Round(ratio, RatioScale, MidpointRounding.AwayFromZero);
}

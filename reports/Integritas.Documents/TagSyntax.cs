using System.Globalization;
using System.Text;

namespace Integritas.Documents;

/// <summary>A filter in a value tag: <c>number:2</c>, <c>default:"-"</c>.</summary>
internal sealed record Filter(string Name, string? Argument);

/// <summary>A literal a condition compares against: a number or a string.</summary>
internal sealed record Literal(decimal? Number, string? Text)
{
    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? $"\"{Text}\"";
}

internal sealed record Condition(string Path, string? Operator, Literal? Operand);

internal abstract record Tag(string Source);

internal sealed record ValueTag(string Source, string Path, IReadOnlyList<Filter> Filters) : Tag(Source);

internal sealed record EachOpenTag(string Source, string Path) : Tag(Source);

internal sealed record EachCloseTag(string Source) : Tag(Source);

internal sealed record IfOpenTag(string Source, Condition Condition) : Tag(Source);

internal sealed record ElseTag(string Source) : Tag(Source);

internal sealed record IfCloseTag(string Source) : Tag(Source);

internal sealed record ImageTag(string Source, string Path) : Tag(Source);

/// <summary>Parses the text between <c>{{</c> and <c>}}</c>. Word's curly quotes count as straight ones.</summary>
internal static class TagSyntax
{
    public static readonly IReadOnlySet<string> KnownFilters = new HashSet<string>(StringComparer.Ordinal)
    {
        "number", "percent", "date", "upper", "lower", "default",
    };

    private static readonly string[] Operators = ["==", "!=", ">=", "<=", ">", "<"];

    public static string NormalizeQuotes(string text) => text
        .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u201E', '"').Replace('\u00AB', '"').Replace('\u00BB', '"')
        .Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u00A0', ' ');

    /// <summary>Parses a tag's inner text, or returns the reason it cannot be parsed.</summary>
    public static (Tag? Tag, string? Error) Parse(string inner)
    {
        var source = "{{" + inner + "}}";
        var text = NormalizeQuotes(inner).Trim();
        if (text.Length == 0)
        {
            return (null, "empty tag");
        }
        if (text.StartsWith('#'))
        {
            var (keyword, rest) = SplitKeyword(text[1..]);
            return keyword switch
            {
                "each" => rest.Length == 0 ? (null, "{{#each}} needs a list to repeat over, e.g. {{#each units}}")
                    : ValidPath(rest) is { } e ? (null, e) : (new EachOpenTag(source, rest), null),
                "if" => IfTag(source, rest),
                _ => (null, $"unknown block '#{keyword}' (use #each or #if)"),
            };
        }
        if (text.StartsWith('/'))
        {
            var keyword = text[1..].Trim();
            return keyword switch
            {
                "each" => (new EachCloseTag(source), null),
                "if" => (new IfCloseTag(source), null),
                _ => (null, $"unknown closing tag '/{keyword}' (use /each or /if)"),
            };
        }
        if (text == "else")
        {
            return (new ElseTag(source), null);
        }
        var (word, remainder) = SplitKeyword(text);
        if (word == "image")
        {
            return remainder.Length == 0 ? (null, "{{image}} needs the value that holds the picture, e.g. {{image chart}}")
                : ValidPath(remainder) is { } e ? (null, e) : (new ImageTag(source, remainder), null);
        }
        return ParseValue(source, text);
    }

    private static (Tag?, string?) IfTag(string source, string rest)
    {
        var (condition, error) = ParseCondition(rest);
        return error is null ? (new IfOpenTag(source, condition!), null) : (null, error);
    }

    private static (string Keyword, string Remainder) SplitKeyword(string text)
    {
        var t = text.TrimStart();
        var space = t.IndexOfAny([' ', '\t']);
        return space < 0 ? (t, "") : (t[..space], t[(space + 1)..].Trim());
    }

    private static (Tag?, string?) ParseValue(string source, string text)
    {
        var parts = SplitOutsideQuotes(text, '|');
        var path = parts[0].Trim();
        if (ValidPath(path) is { } error)
        {
            return (null, error);
        }
        var filters = new List<Filter>();
        foreach (var raw in parts.Skip(1))
        {
            var f = raw.Trim();
            var colon = IndexOutsideQuotes(f, ':');
            var name = (colon < 0 ? f : f[..colon]).Trim();
            string? argument = null;
            if (colon >= 0)
            {
                var arg = f[(colon + 1)..].Trim();
                if (arg.Length >= 2 && (arg[0] == '"' || arg[0] == '\'') && arg[^1] == arg[0])
                {
                    argument = arg[1..^1];
                }
                else if (arg.Length > 0 && (arg[0] == '"' || arg[0] == '\''))
                {
                    return (null, $"filter '{name}': the argument {arg} has no closing quote");
                }
                else
                {
                    argument = arg;
                }
            }
            if (name.Length == 0)
            {
                return (null, "an empty filter after '|'");
            }
            if (!KnownFilters.Contains(name))
            {
                return (null, $"unknown filter '{name}' (known: {string.Join(", ", KnownFilters.Order(StringComparer.Ordinal))})");
            }
            if (FilterArgumentError(name, argument) is { } argError)
            {
                return (null, argError);
            }
            filters.Add(new Filter(name, argument));
        }
        return (new ValueTag(source, path, filters), null);
    }

    private static string? FilterArgumentError(string name, string? argument) => name switch
    {
        "number" or "percent" when argument is not null && (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d > 10)
            => $"filter '{name}' takes the number of decimals (0–10), not '{argument}'",
        "default" when argument is null => "filter 'default' needs the text to show, e.g. default:\"-\"",
        "upper" or "lower" when argument is not null => $"filter '{name}' takes no argument",
        _ => null,
    };

    private static (Condition?, string?) ParseCondition(string text)
    {
        if (text.Length == 0)
        {
            return (null, "{{#if}} needs a condition, e.g. {{#if ready}} or {{#if total >= 75}}");
        }
        foreach (var op in Operators)
        {
            var at = IndexOutsideQuotes(text, op);
            if (at < 0)
            {
                continue;
            }
            var path = text[..at].Trim();
            var operand = text[(at + op.Length)..].Trim();
            if (ValidPath(path) is { } e)
            {
                return (null, e);
            }
            if (ParseLiteral(operand) is not { } literal)
            {
                return (null, $"compare with a number or a quoted text, not '{operand}'");
            }
            return (new Condition(path, op, literal), null);
        }
        return ValidPath(text) is { } error ? (null, error) : (new Condition(text, null, null), null);
    }

    private static Literal? ParseLiteral(string text)
    {
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0])
        {
            return new Literal(null, text[1..^1]);
        }
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? new Literal(n, null) : null;
    }

    /// <summary>A path is <c>this</c>, <c>@no</c>, or names joined by dots (<c>unit.areas.MP.total</c>); list items by index (<c>units.0</c>).</summary>
    public static string? ValidPath(string path)
    {
        if (path.Length == 0)
        {
            return "a value name is missing";
        }
        if (path is "this" or "@no" or "@index")
        {
            return null;
        }
        foreach (var segment in path.Split('.'))
        {
            if (segment.Length == 0 || !segment.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
            {
                return $"'{path}' is not a value name (letters, digits, _ and - joined by dots)";
            }
        }
        return null;
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == separator)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        parts.Add(current.ToString());
        return parts;
    }

    private static int IndexOutsideQuotes(string text, string token)
    {
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static int IndexOutsideQuotes(string text, char token) => IndexOutsideQuotes(text, token.ToString());
}

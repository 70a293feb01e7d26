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

internal enum PathStart
{
    /// <summary>The first segment is a name looked up in the innermost item that has it, then outward.</summary>
    Name,

    /// <summary><c>this</c>: the innermost loop item (the data itself outside loops); segments step into it.</summary>
    This,

    /// <summary><c>@no</c>: the 1-based number of the innermost loop item.</summary>
    Number,

    /// <summary><c>@index</c>: the 0-based index of the innermost loop item.</summary>
    Index,
}

/// <summary>A data path as written (<c>unit.areas.MP</c>, <c>this</c>, <c>@no</c>), split once when the template is compiled.</summary>
internal sealed record DataPath(string Text, PathStart Start, string[] Segments)
{
    public override string ToString() => Text;
}

internal sealed record Condition(DataPath Path, string? Operator, Literal? Operand);

internal abstract record Tag(string Source);

internal sealed record ValueTag(string Source, DataPath Path, IReadOnlyList<Filter> Filters) : Tag(Source)
{
    /// <summary>The default filter's text, if the tag has one: a missing value then shows it instead of failing.</summary>
    public string? Default { get; } = Filters.FirstOrDefault(f => f.Name == "default")?.Argument;
}

internal sealed record EachOpenTag(string Source, DataPath Path) : Tag(Source);

internal sealed record EachCloseTag(string Source) : Tag(Source);

internal sealed record IfOpenTag(string Source, Condition Condition) : Tag(Source);

internal sealed record ElseTag(string Source) : Tag(Source);

internal sealed record IfCloseTag(string Source) : Tag(Source);

internal sealed record ImageTag(string Source, DataPath Path) : Tag(Source);

/// <summary>
/// A block tag that could not be parsed (its defect is reported already). It still takes its place among the
/// blocks, so its partner tag is not reported as well: one defect, one issue.
/// </summary>
internal sealed record BrokenBlockTag(string Source, bool IsEach, bool IsOpen) : Tag(Source);

/// <summary>Parses the text between <c>{{</c> and <c>}}</c>. Word's curly quotes count as straight ones.</summary>
internal static class TagSyntax
{
    public static readonly IReadOnlySet<string> KnownFilters = new HashSet<string>(StringComparer.Ordinal)
    {
        "number", "percent", "date", "upper", "lower", "default",
    };

    private static readonly string[] Operators = ["==", "!=", ">=", "<=", ">", "<"];

    private static readonly string KnownFilterList = string.Join(", ", KnownFilters.Order(StringComparer.Ordinal));

    /// <summary>Word's typographic quotes and no-break spaces, as the plain characters an author meant.</summary>
    public static string NormalizeQuotes(string text) => text
        .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u201E', '"').Replace('\u00AB', '"').Replace('\u00BB', '"')
        .Replace('\u2018', '\'').Replace('\u2019', '\'').Replace('\u00A0', ' ');

    /// <summary>For a tag that cannot be parsed: the block tag it was meant to be, if its keyword says so.</summary>
    public static BrokenBlockTag? BlockIntent(string inner)
    {
        var text = NormalizeQuotes(inner).Trim();
        var (keyword, _) = SplitKeyword(text);
        return keyword switch
        {
            "#each" => new BrokenBlockTag("{{" + inner + "}}", IsEach: true, IsOpen: true),
            "#if" => new BrokenBlockTag("{{" + inner + "}}", IsEach: false, IsOpen: true),
            "/each" => new BrokenBlockTag("{{" + inner + "}}", IsEach: true, IsOpen: false),
            "/if" => new BrokenBlockTag("{{" + inner + "}}", IsEach: false, IsOpen: false),
            _ => null,
        };
    }

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
                    : ParsePath(rest) is ({ } path, null) ? (new EachOpenTag(source, path), null) : (null, ParsePath(rest).Error),
                "if" => IfTag(source, rest),
                "else" => (null, "write {{else}} without '#'"),
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
                _ when keyword.StartsWith("each ", StringComparison.Ordinal) || keyword.StartsWith("if ", StringComparison.Ordinal)
                    => (null, $"a closing tag names nothing: write {{{{/{keyword[..keyword.IndexOf(' ', StringComparison.Ordinal)]}}}}}"),
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
            if (remainder.Length == 0)
            {
                return (null, "{{image}} needs the value that holds the picture, e.g. {{image chart}}");
            }
            var (path, error) = ParsePath(remainder);
            return path is null ? (null, error) : (new ImageTag(source, path), null);
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
        var (path, pathError) = ParsePath(parts[0].Trim());
        if (path is null)
        {
            return (null, pathError);
        }
        var filters = new List<Filter>();
        foreach (var raw in parts.Skip(1))
        {
            var f = raw.Trim();
            var colon = IndexOutsideQuotes(f, ":");
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
                return (null, $"unknown filter '{name}' (known: {KnownFilterList})");
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
        "date" when argument is not null && !IsDateFormat(argument)
            => $"filter 'date': '{argument}' is not a date format (e.g. \"d MMMM yyyy\" or \"dd/MM/yyyy\")",
        "default" when argument is null => "filter 'default' needs the text to show, e.g. default:\"-\"",
        "upper" or "lower" when argument is not null => $"filter '{name}' takes no argument",
        _ => null,
    };

    private static bool IsDateFormat(string format)
    {
        if (format.Length == 0)
        {
            return false;
        }
        try
        {
            _ = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero).ToString(format, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// <c>path</c> (true when the value is there and not empty, false or 0) or <c>path OP literal</c> with one of
    /// <c>== != &gt; &gt;= &lt; &lt;=</c> and a number or a quoted text.
    /// </summary>
    private static (Condition?, string?) ParseCondition(string text)
    {
        if (text.Length == 0)
        {
            return (null, "{{#if}} needs a condition, e.g. {{#if ready}} or {{#if total >= 75}}");
        }
        var i = 0;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsOperatorChar(text[i]))
        {
            i++;
        }
        var (path, pathError) = ParsePath(text[..i]);
        if (path is null)
        {
            return (null, pathError);
        }
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        if (i == text.Length)
        {
            return (new Condition(path, null, null), null);
        }
        var opStart = i;
        while (i < text.Length && IsOperatorChar(text[i]))
        {
            i++;
        }
        var op = text[opStart..i];
        if (op.Length == 0)
        {
            return (null, $"after '{path}' a comparison (== != > >= < <=) is expected, not '{text[opStart..].Trim()}'");
        }
        if (!Operators.Contains(op))
        {
            return (null, $"'{op}' is not a comparison (use == != > >= < <=)");
        }
        var operand = text[i..].Trim();
        if (operand.Length == 0)
        {
            return (null, $"nothing to compare '{path}' with after '{op}'");
        }
        return ParseLiteral(operand) is { } literal
            ? (new Condition(path, op, literal), null)
            : (null, $"compare with a number (75, 2.5) or a quoted text (\"WBK\"), not '{operand}'");
    }

    private static bool IsOperatorChar(char c) => c is '=' or '!' or '<' or '>';

    private static Literal? ParseLiteral(string text)
    {
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0])
        {
            return new Literal(null, text[1..^1]);
        }
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? new Literal(n, null) : null;
    }

    /// <summary>
    /// A path is <c>this</c>, <c>@no</c>, <c>@index</c>, or names joined by dots (<c>unit.areas.MP.total</c>,
    /// <c>this.name</c>); list items by index (<c>units.0</c>).
    /// </summary>
    public static (DataPath? Path, string? Error) ParsePath(string path)
    {
        if (path.Length == 0)
        {
            return (null, "a value name is missing");
        }
        switch (path)
        {
            case "@no":
                return (new DataPath(path, PathStart.Number, []), null);
            case "@index":
                return (new DataPath(path, PathStart.Index, []), null);
        }
        var segments = path.Split('.');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || !segment.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
            {
                return (null, path.StartsWith('@')
                    ? $"'{path}' is not known (inside a loop: @no for 1, 2, …; @index for 0, 1, …)"
                    : $"'{path}' is not a value name (letters, digits, _ and - joined by dots)");
            }
        }
        return segments[0] == "this"
            ? (new DataPath(path, PathStart.This, segments[1..]), null)
            : (new DataPath(path, PathStart.Name, segments), null);
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quote = '\0';
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
        var quote = '\0';
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
}

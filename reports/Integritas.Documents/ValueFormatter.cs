using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integritas.Documents;

/// <summary>Turns data values into text through a tag's filters, in the culture the document is written in.</summary>
internal static class ValueFormatter
{
    /// <summary>The text for a value tag, or the reason there is none (a missing value without default).</summary>
    public static (string? Text, string? Error) Format(ValueTag tag, bool found, JsonNode? value, CultureInfo culture)
    {
        var plain = tag.Filters.Count == 0 || (tag.Filters.Count == 1 && tag.Default is not null);
        string? text = null;
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            // Decoded once: the most common value is a string shown as it is.
            text = v.GetValue<string>();
            if (text.Length > 0 && plain)
            {
                return (text, null);
            }
        }
        if (!found || value is null || text is { Length: 0 })
        {
            if (tag.Default is not null)
            {
                return (tag.Default, null);
            }
            return (null, !found
                ? $"no value '{tag.Path}' in the data (add it, or give a default: {{{{{tag.Path} | default:\"-\"}}}})"
                : $"'{tag.Path}' is empty (give a default: {{{{{tag.Path} | default:\"-\"}}}})");
        }
        if (value is JsonObject or JsonArray)
        {
            return (null, $"'{tag.Path}' is a {(value is JsonArray ? "list" : "group of values")}, not a single value: name one of its fields, or repeat it with {{{{#each {tag.Path}}}}}");
        }
        if (plain)
        {
            return (Plain(value, culture), null);
        }
        object current = value;
        foreach (var filter in tag.Filters)
        {
            if (filter.Name == "default")
            {
                continue;
            }
            var (next, error) = Apply(filter, current, tag.Path.Text, culture);
            if (error is not null)
            {
                return (null, error);
            }
            current = next!;
        }
        return (current is JsonNode node ? Plain(node, culture) : (string)current, null);
    }

    private static (object?, string?) Apply(Filter filter, object input, string path, CultureInfo culture)
    {
        switch (filter.Name)
        {
            case "number":
            case "percent":
                if (AsNumber(input) is not { } number)
                {
                    return (null, $"filter '{filter.Name}' needs a number, but '{path}' is '{AsText(input, culture)}'");
                }
                var decimals = filter.Argument is null ? (filter.Name == "number" ? 2 : 1) : int.Parse(filter.Argument, CultureInfo.InvariantCulture);
                if (filter.Name == "percent" && Math.Abs(number) > decimal.MaxValue / 100m)
                {
                    return (null, $"filter 'percent': '{path}' is too large to be a fraction");
                }
                var scaled = filter.Name == "percent" ? number * 100m : number;
                var text = Math.Round(scaled, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture);
                return (filter.Name == "percent" ? text + "%" : text, null);
            case "date":
                if (AsDate(input) is not { } date)
                {
                    return (null, $"filter 'date' needs a date (2026-11-22), but '{path}' is '{AsText(input, culture)}'");
                }
                return (date.ToString(filter.Argument ?? "d MMMM yyyy", culture), null);
            case "upper":
                return (AsText(input, culture).ToUpper(culture), null);
            case "lower":
                return (AsText(input, culture).ToLower(culture), null);
            default:
                return (null, $"unknown filter '{filter.Name}'");
        }
    }

    public static decimal? AsNumber(object input) => input switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v),
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && decimal.TryParse(v.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>
    /// A JSON number as a decimal, whether parsed from text or created from a .NET number; null when it is
    /// beyond decimal's range (1e30) or not finite, which callers report rather than crash on.
    /// </summary>
    private static decimal? Number(JsonValue v)
    {
        if (v.TryGetValue<decimal>(out var d))
        {
            return d;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }
        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }
        double x;
        if (v.TryGetValue<double>(out var dbl))
        {
            x = dbl;
        }
        else if (v.TryGetValue<float>(out var f))
        {
            x = f;
        }
        else
        {
            return null;
        }
        return double.IsFinite(x) && Math.Abs(x) < 7.9e28 ? (decimal)x : null;
    }

    /// <summary>
    /// A date or date-time as written: an offset in the text is kept, never converted to the machine's time
    /// zone, so the same data gives the same document anywhere.
    /// </summary>
    private static DateTimeOffset? AsDate(object input)
    {
        var text = input switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            string s => s,
            _ => null,
        };
        return text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }

    private static string AsText(object input, CultureInfo culture) => input is JsonNode node ? Plain(node, culture) : (string)input;

    /// <summary>A value without filters: text as is, numbers in the document's culture, booleans as Ya/Tidak.</summary>
    public static string Plain(JsonNode node, CultureInfo culture) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => Number(v) is { } n ? n.ToString(culture)
                : v.TryGetValue<double>(out var x) ? x.ToString(culture) : v.ToJsonString(),
            JsonValueKind.True => "Ya",
            JsonValueKind.False => "Tidak",
            _ => "",
        }
        : node.ToJsonString();

    /// <summary>Whether a condition holds; a missing value is false (and "!=" anything), never an error.</summary>
    public static bool Test(Condition condition, bool found, JsonNode? value)
    {
        if (condition.Operator is null)
        {
            return found && Truthy(value);
        }
        if (!found || value is null)
        {
            return condition.Operator == "!=";
        }
        var operand = condition.Operand!;
        if (operand.Number is { } n)
        {
            if (AsNumber(value) is not { } x)
            {
                return condition.Operator == "!=";
            }
            return Compare(x.CompareTo(n), condition.Operator);
        }
        var text = value is JsonValue jv && jv.GetValueKind() == JsonValueKind.String ? jv.GetValue<string>() : Plain(value, CultureInfo.InvariantCulture);
        return Compare(string.CompareOrdinal(text, operand.Text), condition.Operator);
    }

    private static bool Compare(int order, string op) => op switch
    {
        "==" => order == 0,
        "!=" => order != 0,
        ">" => order > 0,
        ">=" => order >= 0,
        "<" => order < 0,
        "<=" => order <= 0,
        _ => false,
    };

    private static bool Truthy(JsonNode? value) => value switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        JsonObject => true,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => AsNumber(v) is not { } n || n != 0,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            _ => false,
        },
        _ => false,
    };
}

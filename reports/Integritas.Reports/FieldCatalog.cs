using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Integritas.Reports;

/// <summary>Marks a text field of a report model that holds a picture's file path: templates show it with <c>{{image path}}</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TemplateImageAttribute : Attribute;

/// <summary>What a field holds, as a template author sees it.</summary>
public enum FieldShape
{
    /// <summary>One value: <c>{{name}}</c>.</summary>
    Value,

    /// <summary>A picture's file path: <c>{{image name}}</c>.</summary>
    Image,

    /// <summary>A list: <c>{{#each name}} … {{/each}}</c>; its item's fields are <see cref="TemplateField.Items"/>.</summary>
    List,
}

/// <summary>
/// One field a template may use. <see cref="Path"/> is written as <c>DocxTemplate.Paths</c> writes it: the
/// fields of a list's item follow the list and <c>[]</c> (<c>shortlist[].unitName</c>); <see cref="Name"/> is
/// what the author types where the field is used (<c>counts.wbk</c>, <c>unitName</c> inside its loop; <c>this</c>
/// for an item that is a single value). A map's keys stand as <c>&lt;key&gt;</c>.
/// </summary>
public sealed record TemplateField(
    string Path,
    string Name,
    FieldShape Shape,
    string Type,
    bool MayBeEmpty,
    string Description,
    IReadOnlyList<TemplateField> Items);

/// <summary>
/// The fields of a report's data model, found by reflection on the contract <see cref="ReportJson"/> serialises
/// (so names are camelCase exactly as the template sees them). Groups are flattened into dotted names; lists
/// carry their item's fields. Descriptions come from <see cref="DescriptionAttribute"/> on the model's properties.
/// </summary>
public static class FieldCatalog
{
    /// <summary>Nesting deeper than this is a model referring to itself; the catalog stops there.</summary>
    private const int MaxDepth = 12;

    public static IReadOnlyList<TemplateField> For<TModel>() => For(typeof(TModel));

    public static IReadOnlyList<TemplateField> For(Type model)
    {
        var info = ReportJson.Options.GetTypeInfo(model);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            throw new ArgumentException($"{model.Name} is not a record of fields, so it cannot be a report's data model.", nameof(model));
        }
        var fields = new List<TemplateField>();
        AddMembers(fields, info, pathPrefix: "", namePrefix: "", depth: 0);
        return fields;
    }

    /// <summary>Every field, list items included, in the order the catalog lists them.</summary>
    public static IEnumerable<TemplateField> Flatten(IEnumerable<TemplateField> fields) =>
        fields.SelectMany(f => Flatten(f.Items).Prepend(f));

    /// <summary>
    /// Whether a path a template reads (as <c>DocxTemplate.Paths</c> writes it) is one of these fields. A name
    /// inside a loop is looked up in the item, then outward (<c>rows[].year</c> may be the root's <c>year</c>); a
    /// group whose fields are offered counts (<c>{{#if firstQuestion}}</c>); a map's keys are any key.
    /// </summary>
    public static bool Offers(IReadOnlyList<TemplateField> fields, string path)
    {
        var offered = Flatten(fields).Select(f => f.Path).ToList();
        var parts = path.Split("[].");
        for (var loops = parts.Length - 1; loops >= 0; loops--)
        {
            var candidate = string.Join("[].", parts[..loops].Append(parts[^1]));
            if (offered.Any(o => Matches(o, candidate) || o.StartsWith(candidate + ".", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A catalog path against a template's: equal, segment by segment, with &lt;key&gt; standing for any key.</summary>
    private static bool Matches(string offered, string used)
    {
        if (!offered.Contains("<key>", StringComparison.Ordinal))
        {
            return string.Equals(offered, used, StringComparison.Ordinal);
        }
        var (a, b) = (offered.Split('.'), used.Split('.'));
        return a.Length == b.Length && a.Zip(b).All(p => p.First == "<key>" || p.First == p.Second || (p.First.StartsWith("<key>", StringComparison.Ordinal) && p.Second.EndsWith(p.First[5..], StringComparison.Ordinal)));
    }

    private static void AddMembers(List<TemplateField> fields, JsonTypeInfo owner, string pathPrefix, string namePrefix, int depth)
    {
        foreach (var property in owner.Properties.Where(p => p.Get is not null))
        {
            var member = property.AttributeProvider as MemberInfo;
            var description = member?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
            var image = member?.GetCustomAttribute<TemplateImageAttribute>() is not null;
            AddField(fields, property.PropertyType, pathPrefix + property.Name, namePrefix + property.Name, description, image, MayBeEmpty(property), depth);
        }
    }

    private static void AddField(List<TemplateField> fields, Type type, string path, string name, string description, bool image, bool mayBeEmpty, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        var info = ReportJson.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                // A group is no value of its own: its fields are written through it (counts.wbk).
                AddMembers(fields, info, path + ".", name + ".", depth + 1);
                return;
            case JsonTypeInfoKind.Dictionary:
                AddField(fields, info.ElementType!, path + ".<key>", name + ".<key>", description, image, mayBeEmpty: true, depth + 1);
                return;
            case JsonTypeInfoKind.Enumerable:
                var items = new List<TemplateField>();
                AddField(items, info.ElementType!, path + "[]", "this", "", image: false, IsNullableValue(info.ElementType!), depth + 1);
                // The item's own fields are named inside the loop as they are; a single value is {{this}}.
                if (items is [{ Name: "this" } single])
                {
                    items[0] = single with { Description = "The item itself." };
                }
                else
                {
                    items = [.. items.Select(Relative)];
                }
                fields.Add(new TemplateField(path, name, FieldShape.List, "list", mayBeEmpty, description, items));
                return;
            default:
                var shape = image ? FieldShape.Image : FieldShape.Value;
                fields.Add(new TemplateField(path, name, shape, image ? "image" : TypeName(type), mayBeEmpty, description, []));
                return;
        }
    }

    /// <summary>Inside a list's loop a field of its item is written without the list's name and "this.".</summary>
    private static TemplateField Relative(TemplateField field) =>
        field with { Name = field.Name.StartsWith("this.", StringComparison.Ordinal) ? field.Name["this.".Length..] : field.Name };

    private static bool MayBeEmpty(JsonPropertyInfo property) =>
        IsNullableValue(property.PropertyType) || (!property.PropertyType.IsValueType && IsAnnotatedNullable(property));

    private static bool IsNullableValue(Type type) => Nullable.GetUnderlyingType(type) is not null;

    /// <summary>Whether a reference-typed property is declared nullable (<c>string?</c>); unannotated code counts as not.</summary>
    private static bool IsAnnotatedNullable(JsonPropertyInfo property) => property.AttributeProvider switch
    {
        PropertyInfo p => new NullabilityInfoContext().Create(p).ReadState == NullabilityState.Nullable,
        FieldInfo f => new NullabilityInfoContext().Create(f).ReadState == NullabilityState.Nullable,
        _ => false,
    };

    private static string TypeName(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            return "integer";
        }
        return Type.GetTypeCode(t) switch
        {
            TypeCode.String or TypeCode.Char => "text",
            TypeCode.Boolean => "yes/no",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "integer",
            TypeCode.Decimal or TypeCode.Double or TypeCode.Single => "number",
            TypeCode.DateTime => "date",
            _ when t == typeof(DateOnly) || t == typeof(DateTimeOffset) => "date",
            _ => "text",
        };
    }
}

using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Integritas.Delivery.Settings;

/// <summary>What reading the settings gave: the settings and subscriptions when valid, every failure and warning otherwise.</summary>
public sealed record SettingsResult(ZiSettings Settings, IReadOnlyList<Subscription> Subscriptions, IReadOnlyList<string> Failures, IReadOnlyList<string> Warnings)
{
    public bool Valid => Failures.Count == 0;

    /// <summary>The settings, or an exception listing every failure.</summary>
    public SettingsResult OrThrow() => Valid ? this : throw new SettingsException(Failures);

    public Subscription Find(string name) => Subscriptions.FirstOrDefault(s => s.Name == name)
        ?? throw new SettingsException([$"there is no subscription '{name}' (configured: {(Subscriptions.Count == 0 ? "none" : string.Join(", ", Subscriptions.Select(s => s.Name)))})"]);
}

/// <summary>Settings that cannot be used; the message lists each bad key with its value and what is wrong.</summary>
public sealed class SettingsException(IReadOnlyList<string> failures)
    : Exception("The settings are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, failures.Select(f => "  " + f)))
{
    public IReadOnlyList<string> Failures { get; } = failures;
}

/// <summary>
/// Reads section <c>Integritas</c> in two passes so that every bad key is named at once: first each value is checked
/// against the type of the setting it is for (a boolean that is not <c>true</c>/<c>false</c>, a number that is not
/// one, a list given as one value, a key no setting has), then — only when the types are right — the bound settings
/// are checked for what they mean (cron expressions, time zones, addresses, folders that cannot be created).
/// </summary>
public static class SettingsReader
{
    public static SettingsResult Read(IConfiguration configuration, bool createFolders = true)
    {
        var section = configuration.GetSection(ZiSettings.Section);
        var failures = new List<string>();
        CheckSection(section, typeof(ZiSettings), ZiSettings.Section, failures);
        var settings = new ZiSettings();
        if (failures.Count > 0)
        {
            return new SettingsResult(settings, [], failures, []);
        }
        section.Bind(settings);
        var warnings = new List<string>();
        var subscriptions = SettingsCheck.Check(settings, failures, warnings, createFolders);
        return new SettingsResult(settings, subscriptions, failures, warnings);
    }

    private static void CheckSection(IConfigurationSection section, Type type, string path, List<string> failures)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            var key = $"{path}:{child.Key}";
            if (!properties.TryGetValue(child.Key, out var property))
            {
                failures.Add($"{key}: no such setting (settings here: {string.Join(", ", properties.Keys)})");
                continue;
            }
            CheckValue(child, property.PropertyType, key, failures);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, string key, List<string> failures)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        var target = nullable ?? type;
        var value = section.Value;
        var hasChildren = section.GetChildren().Any();
        void Fail(string message) => failures.Add($"{key} = '{value}': {message}");

        if (target == typeof(string))
        {
            if (value is null && hasChildren)
            {
                failures.Add($"{key}: expected a text value, found a section");
            }
            return;
        }
        if (target.IsPrimitive || target.IsEnum || target == typeof(double))
        {
            if (hasChildren)
            {
                failures.Add($"{key}: expected a single value, found a section");
                return;
            }
            if (string.IsNullOrEmpty(value))
            {
                if (nullable is null && value is not null)
                {
                    Fail("must not be empty");
                }
                return;
            }
            if (target == typeof(bool) && !bool.TryParse(value, out _))
            {
                Fail("not a boolean: write true or false");
            }
            else if (target == typeof(int) && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                Fail("not a whole number");
            }
            else if (target == typeof(double) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                Fail("not a number (use '.' for decimals)");
            }
            else if (target.IsEnum && (!Enum.TryParse(target, value, ignoreCase: true, out _) || char.IsAsciiDigit(value[0]) || value[0] == '-'))
            {
                Fail($"must be one of {string.Join(", ", Enum.GetNames(target).Select(n => n.ToLowerInvariant()))}");
            }
            return;
        }
        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (!hasChildren)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    Fail($"expected a list, e.g. [\"{value}\"]");
                }
                return;
            }
            var element = target.GetGenericArguments()[0];
            foreach (var item in section.GetChildren())
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    failures.Add($"{key}: expected a list, found the key '{item.Key}'");
                    continue;
                }
                CheckValue(item, element, $"{key}:{item.Key}", failures);
            }
            return;
        }
        if (typeof(IEnumerable).IsAssignableFrom(target))
        {
            throw new NotSupportedException($"Settings of type {target} are not read.");
        }
        if (!hasChildren)
        {
            if (!string.IsNullOrEmpty(value))
            {
                Fail("expected a section of settings, found a single value");
            }
            return;
        }
        CheckSection(section, target, key, failures);
    }
}

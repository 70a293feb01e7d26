using System.Globalization;
using Integritas.Domain.Facts;

namespace Integritas.Domain.Rules;

/// <summary>How a prerequisite compares its fact with the required value.</summary>
public enum PrerequisiteTest
{
    /// <summary>A grade (by its order in the fact catalogue) or a number at least the required one.</summary>
    AtLeast,
    /// <summary>A yes/no fact equal to the required answer.</summary>
    Is,
    /// <summary>Whole years from the fact's year to the evaluation year, at least the required count.</summary>
    YearsSince,
}

/// <summary>
/// What one prerequisite asks of one predicate level: the test and the required value as the rule file gives it,
/// and how many years in a row, ending with the evaluation year, the fact must pass it (52/2014: WTP "selama
/// minimal 2 tahun berturut-turut" for WBBM); 1 is the evaluation year alone.
/// </summary>
public sealed record Requirement(PrerequisiteTest Test, string Value, int InARow = 1);

/// <summary>
/// A prerequisite to propose a unit (5/2024 Tabel 5): a fact of the unit or its instansi and what each
/// predicate level requires of it. With <see cref="By"/>, the requirement depends on another fact (e.g.
/// Indeks RB: K/L and Pemda differ); a case not listed means the prerequisite does not apply.
/// </summary>
public sealed record PrerequisiteRule(
    string Id,
    FactDefinition Fact,
    string Label,
    string ShortLabel,
    IReadOnlyDictionary<string, Requirement> Levels,
    string? By,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, Requirement>> Cases,
    string Confidence,
    string Source)
{
    public string Criterion => "syarat." + Id;

    /// <summary>The most years in a row any level asks for (1: the evaluation year only).</summary>
    public int InARow { get; } = Levels.Values.Concat(Cases.Values.SelectMany(c => c.Values)).Select(r => r.InARow).DefaultIfEmpty(1).Max();
}

/// <summary>
/// Units that may be proposed while still completing the prerequisites (5/2024 affirmation): those with
/// <see cref="Fact"/> set, when every <see cref="When"/> fact has the given value.
/// </summary>
public sealed record AffirmationRule(string Fact, IReadOnlyDictionary<string, string> When, string Label, string Confidence, string Source);

/// <summary>
/// A regulation that amends a base rule for the years it is in force without replacing it (e.g. 5/2024
/// replaces the prerequisites of 90/2021 from 2024). Its file has <c>"amends"</c>.
/// </summary>
public sealed record RuleAmendment(
    string Id,
    string Amends,
    string Title,
    string Source,
    int FromYear,
    int? ToYear,
    IReadOnlyList<PrerequisiteRule>? Prerequisites,
    AffirmationRule? Affirmation)
{
    public bool AppliesTo(int year) => year >= FromYear && (ToYear is null || year <= ToYear);
}

/// <summary>Reads prerequisite entries of a rule file against the fact catalogue.</summary>
internal static class PrerequisiteParser
{
    public static Requirement ParseRequirement(string file, string id, FactDefinition fact, PrerequisiteTest test, string value)
    {
        void Fail(string message) => throw new RuleFileException(file, $"prerequisite {id}: {message}");
        switch (test)
        {
            case PrerequisiteTest.AtLeast when fact.Type == FactType.Grade:
                if (!fact.Values.Contains(value, StringComparer.Ordinal))
                {
                    Fail($"\"{value}\" is not a grade of {fact.Name} ({string.Join(", ", fact.Values)}).");
                }
                break;
            case PrerequisiteTest.AtLeast when fact.Type is FactType.Number or FactType.Percent:
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                {
                    Fail($"\"{value}\" is not a number.");
                }
                break;
            case PrerequisiteTest.Is when fact.Type == FactType.Bool:
                if (value is not ("true" or "false"))
                {
                    Fail("\"is\" takes true or false.");
                }
                break;
            case PrerequisiteTest.YearsSince when fact.Type == FactType.Year:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    Fail($"\"{value}\" is not a whole number of years.");
                }
                break;
            default:
                Fail($"the test {test} does not fit the {fact.Type} fact {fact.Name}.");
                break;
        }
        return new Requirement(test, value);
    }
}

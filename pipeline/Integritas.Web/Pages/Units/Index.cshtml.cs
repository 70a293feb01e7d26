using Integritas.Store.Queries;
using Integritas.Web.Accounts;
using Integritas.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages.Units;

/// <summary>Every unit of a year in scope, sortable and filterable by instansi, readiness and a search over code and name.</summary>
public sealed class IndexModel(ReadSession data) : PageModel
{
    public static IReadOnlyList<(string Key, string Label)> Columns { get; } =
    [
        ("kode", "Kode"), ("nama", "Unit kerja"), ("instansi", "Instansi"), ("total", "Total"), ("pengungkit", "Pengungkit"),
        ("hasil", "Hasil"), ("kosong", "Soal kosong"), ("kesiapan", "Kesiapan"), ("kurang", "Poin kurang"),
    ];

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Instansi { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kesiapan { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int? Selected { get; private set; }

    public IReadOnlyList<string> InstansiNames { get; private set; } = [];

    /// <summary>The units in scope for the year, before the filters.</summary>
    public int InScope { get; private set; }

    public IReadOnlyList<UnitYearScore> Rows { get; private set; } = [];

    public bool Descending => Dir == "desc";

    public void OnGet()
    {
        Years = data.Years;
        Selected = data.Year(Year);
        if (Selected is not { } year)
        {
            return;
        }
        var all = data.History.Visible(User.Scope(), year);
        InScope = all.Count;
        InstansiNames = [.. all.Select(s => s.Unit.Instansi).Distinct().Order(StringComparer.Ordinal)];
        IEnumerable<UnitYearScore> rows = all;
        if (!string.IsNullOrWhiteSpace(Instansi))
        {
            rows = rows.Where(s => string.Equals(s.Unit.Instansi, Instansi, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(Kesiapan))
        {
            rows = rows.Where(s => string.Equals(s.Readiness.Verdict, Kesiapan, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            rows = rows.Where(s => s.Unit.UnitId.Contains(q, StringComparison.OrdinalIgnoreCase) || s.Unit.UnitName.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        Rows = [.. Order(rows)];
    }

    private IEnumerable<UnitYearScore> Order(IEnumerable<UnitYearScore> rows)
    {
        static int Level(string verdict) => verdict switch { "WBBM" => 2, "WBK" => 1, _ => 0 };
        var ordered = Sort switch
        {
            "nama" => Descending ? rows.OrderByDescending(s => s.Unit.UnitName, StringComparer.Ordinal) : rows.OrderBy(s => s.Unit.UnitName, StringComparer.Ordinal),
            "instansi" => Descending ? rows.OrderByDescending(s => s.Unit.Instansi, StringComparer.Ordinal) : rows.OrderBy(s => s.Unit.Instansi, StringComparer.Ordinal),
            "total" => Descending ? rows.OrderByDescending(s => s.Card.Total ?? -1) : rows.OrderBy(s => s.Card.Total ?? -1),
            "pengungkit" => Descending ? rows.OrderByDescending(s => s.Card.Pengungkit) : rows.OrderBy(s => s.Card.Pengungkit),
            "hasil" => Descending ? rows.OrderByDescending(s => s.Card.Hasil ?? -1) : rows.OrderBy(s => s.Card.Hasil ?? -1),
            "kosong" => Descending ? rows.OrderByDescending(s => s.Card.BlankQuestions) : rows.OrderBy(s => s.Card.BlankQuestions),
            "kesiapan" => Descending ? rows.OrderByDescending(s => Level(s.Readiness.Verdict)) : rows.OrderBy(s => Level(s.Readiness.Verdict)),
            "kurang" => Descending ? rows.OrderByDescending(s => s.Readiness.NextLevelPoints?.Total ?? -1) : rows.OrderBy(s => s.Readiness.NextLevelPoints?.Total ?? decimal.MaxValue),
            _ => Descending ? rows.OrderByDescending(s => s.Unit.UnitId, StringComparer.Ordinal) : rows.OrderBy(s => s.Unit.UnitId, StringComparer.Ordinal),
        };
        return ordered.ThenBy(s => s.Unit.UnitId, StringComparer.Ordinal);
    }

    /// <summary>The link of a column heading: sorts by it, or reverses the order when it already does.</summary>
    public string SortLink(string key)
    {
        // Figures sort highest first on the first click, names and codes A to Z; a second click reverses.
        var numeric = key is "total" or "pengungkit" or "hasil" or "kosong" or "kesiapan" or "kurang";
        var dir = (Sort ?? "kode") == key ? (Descending ? "asc" : "desc") : numeric ? "desc" : "asc";
        var query = new Dictionary<string, string?> { ["year"] = Selected?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["instansi"] = Instansi, ["kesiapan"] = Kesiapan, ["q"] = Q, ["sort"] = key, ["dir"] = dir };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/units", query.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value));
    }
}

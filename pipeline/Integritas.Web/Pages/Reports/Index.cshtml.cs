using Integritas.Reports;
using Integritas.Web.Accounts;
using Integritas.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages.Reports;

/// <summary>Render any report kind for a year (analysts and admins) and the recent runs to download from.</summary>
public sealed class IndexModel(ReadSession data, ReportJobs jobs) : PageModel
{
    /// <summary>The report kinds as readers call them.</summary>
    public static string Label(ReportKind kind) => kind.Name switch
    {
        "briefing" => "Bahan paparan pimpinan (2–4 halaman)",
        "annual" => "Laporan tahunan kesiapan ZI (Itjen)",
        "scorecards" => "Rapor per unit kerja",
        "candidates" => "Daftar kandidat WBK/WBBM untuk perencana",
        _ => kind.Name,
    };

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public bool Pdf { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<ReportJob> Recent { get; private set; } = [];

    public bool Limited { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPost()
    {
        if (!User.CanWrite())
        {
            return Forbid();
        }
        var kind = ReportKinds.Find(Kind ?? "");
        var year = data.Year(Year);
        if (kind is null || year is null || (Year is { } asked && asked != year))
        {
            Load();
            ModelState.AddModelError("", "Pilih jenis laporan dan tahun yang tersedia.");
            return Page();
        }
        data.Close();
        var job = jobs.Start(kind, year.Value, Pdf, User.Identity!.Name!);
        return Redirect($"/reports/runs/{job.Id}");
    }

    private void Load()
    {
        Limited = User.Scope().IsLimited;
        Years = data.Years;
        Recent = Limited ? [] : jobs.Recent;
    }
}

using Integritas.Store;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages;

/// <summary>
/// What a reader sees when a request fails: a busy or missing database is a plain message with what to do (the
/// response is 503), anything else a short apology (500; the details go to the log, not the page).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string Retry { get; private set; } = "/";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Retry = feature?.Path ?? "/";
        (Heading, Text) = feature?.Error switch
        {
            DatabaseBusyException => ("Basis data sedang dipakai",
                "Proses lain (misalnya zi ingest atau worker) sedang menulis ke basis data. Halaman ini akan tersedia lagi setelah proses itu selesai; muat ulang sebentar lagi."),
            DatabaseMissingException => ("Basis data belum ada", "Belum ada data. Unggah LKE atau jalankan 'zi ingest' / 'zi demo' terlebih dahulu."),
            _ => ("Terjadi kesalahan", "Permintaan tidak dapat diselesaikan. Kesalahan telah dicatat; coba lagi atau hubungi administrator."),
        };
    }
}

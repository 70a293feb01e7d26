using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages;

/// <summary>The page shown for a status code (re-executed by the status code middleware; the code stays the response's).</summary>
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Text { get; private set; } = "";

    public void OnGet(int code)
    {
        (Heading, Text) = code switch
        {
            404 => ("Halaman tidak ditemukan", "Halaman atau unit yang Anda minta tidak ada, atau tidak termasuk cakupan akun Anda."),
            403 => ("Akses ditolak", "Peran akun Anda tidak mengizinkan halaman ini. Hubungi administrator bila Anda memerlukannya."),
            401 => ("Perlu masuk", "Masuk terlebih dahulu untuk melihat halaman ini."),
            413 => ("Berkas terlalu besar", "Ukuran unggahan melebihi batas yang diizinkan."),
            _ => ("Permintaan tidak dapat diproses", $"Kode status {code}."),
        };
    }
}

using Integritas.Store.Ingest;
using Integritas.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages;

/// <summary>Upload of LKE files in any format <c>zi ingest</c> takes (analysts and admins): each file landed whole or not, errors with their place.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
public sealed class UploadModel(UploadIngest ingest, IOptions<WebOptions> options) : PageModel
{
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public int? Tahun { get; set; }

    [BindProperty]
    public string? KodeUnit { get; set; }

    [BindProperty]
    public string? NamaUnit { get; set; }

    [BindProperty]
    public string? Instansi { get; set; }

    public int MaxMegabytes => options.Value.MaxUploadMegabytes;

    public UploadResult? Result { get; private set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (Files.Count == 0)
        {
            Message = "Pilih atau seret satu berkas atau lebih terlebih dahulu.";
            return Page();
        }
        if (Files.Sum(f => f.Length) > (long)MaxMegabytes * 1024 * 1024)
        {
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            Message = $"Unggahan melebihi batas {MaxMegabytes} MiB; unggah berkas dalam beberapa kali.";
            return Page();
        }
        Result = await ingest.IngestAsync(Files, new IngestOptions
        {
            Year = Tahun,
            UnitId = string.IsNullOrWhiteSpace(KodeUnit) ? null : KodeUnit.Trim(),
            UnitName = string.IsNullOrWhiteSpace(NamaUnit) ? null : NamaUnit.Trim(),
            Instansi = string.IsNullOrWhiteSpace(Instansi) ? null : Instansi.Trim(),
        }, cancellation);
        if (Result.Busy is not null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        else if (Result.Files.Any(f => f.Status == FileStatus.Rejected))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }
}

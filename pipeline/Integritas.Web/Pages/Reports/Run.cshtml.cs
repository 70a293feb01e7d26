using Integritas.Web.Accounts;
using Integritas.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages.Reports;

/// <summary>One report run: its progress (the page reloads itself while it runs) and its files to download.</summary>
public sealed class RunModel(ReportJobs jobs) : PageModel
{
    public ReportJob Job { get; private set; } = null!;

    public bool Running => Job.Status is ReportJobStatus.Waiting or ReportJobStatus.Running;

    public IActionResult OnGet(string id)
    {
        if (User.Scope().IsLimited || jobs.Find(id) is not { } job)
        {
            return NotFound();
        }
        Job = job;
        return Page();
    }
}

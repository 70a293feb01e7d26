using Integritas.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages;

public sealed class LoginModel(UserStore users, LoginThrottle throttle, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = (Username ?? "").Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.BlockedUntil(name, address) is { } until)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
            Message = $"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.";
            return Page();
        }
        var user = name.Length == 0 || string.IsNullOrEmpty(Password) ? null : users.Verify(name, Password);
        if (user is null)
        {
            throttle.Failed(name, address);
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Message = "Nama pengguna atau kata sandi salah.";
            return Page();
        }
        throttle.Succeeded(name);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ZiClaims.Principal(user));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}

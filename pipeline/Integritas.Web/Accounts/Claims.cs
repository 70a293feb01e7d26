using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Integritas.Web.Accounts;

/// <summary>The claims a signed-in user carries and how they are read back.</summary>
public static class ZiClaims
{
    public const string Instansi = "zi:instansi";
    public const string Unit = "zi:unit";
    public const string Stamp = "zi:stamp";

    public static ClaimsPrincipal Principal(WebUser user)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role), new(Stamp, user.Stamp) };
        if (user.Scope.Instansi is { } instansi)
        {
            claims.Add(new Claim(Instansi, instansi));
        }
        if (user.Scope.Unit is { } unit)
        {
            claims.Add(new Claim(Unit, unit));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static UserScope Scope(this ClaimsPrincipal user) => new(user.FindFirst(Instansi)?.Value, user.FindFirst(Unit)?.Value);

    public static string Role(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value ?? Roles.Viewer;

    public static bool CanWrite(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Analyst);

    /// <summary>Ends a session whose account was removed or whose password changed since it signed in.</summary>
    public static async Task Validate(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var name = context.Principal?.Identity?.Name;
        var user = name is null ? null : store.Find(name);
        if (user is null || user.Stamp != context.Principal!.FindFirst(Stamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}

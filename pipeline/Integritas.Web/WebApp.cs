using Integritas.Domain.Rules;
using Integritas.Web.Accounts;
using Integritas.Web.Data;
using Integritas.Web.Endpoints;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Integritas.Web;

/// <summary>A type of this assembly, for the test host to find it by.</summary>
public sealed class WebAppMarker;

/// <summary>
/// The web app of <c>zi serve</c>: its services and its request pipeline, written once and composed by the one
/// <c>zi</c> host (and by the integration tests' host).
/// </summary>
public static class WebApp
{
    /// <summary>Builds the app for <c>zi serve</c>, listening on <see cref="WebOptions.Urls"/>.</summary>
    public static WebApplication Build(WebOptions options, RuleCatalog rules, TimeProvider clock, string contentRoot)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Production" });
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration().ConfigureKestrel(k => k.Limits.MaxRequestBodySize = (long)options.MaxUploadMegabytes * 1024 * 1024 + 1024 * 1024);
        builder.WebHost.UseUrls(options.Urls.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information).AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddRoutingCore();
        builder.Services.AddIntegritasWeb(options, rules, clock);
        var app = builder.Build();
        app.UseIntegritasWeb();
        return app;
    }

    public static IServiceCollection AddIntegritasWeb(this IServiceCollection services, WebOptions options, RuleCatalog rules, TimeProvider clock)
    {
        services.AddSingleton(clock);
        services.AddSingleton(rules);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(new UserStore(options.UsersPath, clock));
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<ReportJobs>();
        services.AddSingleton<UploadIngest>();
        services.AddScoped<ReadSession>();
        // Session cookies outlive a restart: the keys that sign them are kept beside the database, readable by its owner.
        services.AddDataProtection().SetApplicationName("integritas")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Database))!, "zi-web-keys")));
        services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = (long)options.MaxUploadMegabytes * 1024 * 1024);
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = (long)options.MaxUploadMegabytes * 1024 * 1024 + 1024 * 1024);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "zi.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ZiClaims.Validate;
            // A signed-in user without the role gets 403 (the status page says so), not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            // Charts and downloads asked for without a session get 401, pages a redirect to the login form.
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (AppEndpoints.IsPage(context.Request.Path))
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.CanWrite, p => p.RequireRole(Roles.Admin, Roles.Analyst))
            .AddPolicy(Roles.CanAdminister, p => p.RequireRole(Roles.Admin));
        services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "zi.antiforgery";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AllowAnonymousToPage("/Login");
            pages.Conventions.AllowAnonymousToPage("/Status");
            pages.Conventions.AllowAnonymousToPage("/Error");
            pages.Conventions.AuthorizePage("/Upload", Roles.CanWrite);
        }).AddApplicationPart(typeof(WebApp).Assembly);
        return services;
    }

    public static IApplicationBuilder UseIntegritasWeb(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ex => ex is Store.DatabaseBusyException or Store.DatabaseMissingException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapRazorPages();
            AppEndpoints.Map(endpoints);
        });
        return app;
    }
}

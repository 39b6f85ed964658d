using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SendWorkflow.Host.Security;

public static class SecurityServices
{
    public const string SmartScheme = "cookie-or-bearer";

    /// <summary>
    /// ASP.NET Core Identity on the service's database; cookies for the Studio, bearer tokens for automation (and the
    /// bootstrap administrator token); every endpoint needs a signed-in user unless it says otherwise.
    /// </summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // The key ring that protects cookies and antiforgery tokens is in the database, shared by every host.
        services.AddDataProtection().SetApplicationName("SendWorkflow");
        services.AddSingleton<DatabaseKeyRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseKeyRepository>()));
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SendWorkflowDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                BootstrapTokenHandler.BearerToken(http.Request) is not { } token ? IdentityConstants.ApplicationScheme
                : BootstrapTokenHandler.Matches(http.RequestServices.GetRequiredService<IConfiguration>(), token) ? BootstrapTokenHandler.SchemeName
                : IdentityConstants.BearerScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BootstrapTokenHandler>(
                BootstrapTokenHandler.SchemeName, _ => { })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "sendwf";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request came over HTTPS (directly, or from a proxy through forwarded headers); plain
                // HTTP stays usable on a developer's machine and in the browser tests.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                // The API answers 401 and 403; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => Answer(ctx.HttpContext, ctx.RedirectUri, 401);
                o.Events.OnRedirectToAccessDenied = ctx => Answer(ctx.HttpContext, ctx.RedirectUri, 403);
            }));
        // Identity's cookie validator re-reads the user (stamp, roles, claims) this often and renews the cookie. SessionStamps
        // checks the stamp itself on every request, cookie or token, so sign-out, lockout, a new password and a revoke
        // end sessions at once; this interval only bounds how long a change of role takes to reach a signed-in cookie.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, t) => o.TimeProvider = t);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<SignInLimits>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, CircuitRevalidation>();
        // Token expiry follows the service's clock, so the simulated clock can let a token expire.
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<TimeProvider>((o, t) => o.TimeProvider = t);

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // Each capability is a named policy, so pages ([Authorize(Policy = ...)]) read the same table as endpoints.
        foreach (var (capability, roles) in Capabilities.Roles)
            authorization.AddPolicy(capability, p => p.RequireRole(roles));
        services.AddScoped<StaffScope>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AccessGuard>();
        return services;
    }

    private static Task Answer(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api")) http.Response.StatusCode = status;
        else http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The nonce of this response's Content-Security-Policy, for the one inline script the Studio has (its import map).</summary>
    public static string CspNonce(HttpContext http) => http.Items[NonceKey] as string ?? "";

    private const string NonceKey = "sendwf-csp-nonce";

    /// <summary>
    /// Headers that keep the Studio's pages and the API's answers where they belong: a Content-Security-Policy (scripts only
    /// from this site, styles inline too because MudBlazor and X6 set style attributes, the live connection over ws/wss,
    /// no framing, no plugins), no sniffing, no referrer, and no-store on every API answer and page, since they carry
    /// pupils' personal data. The API reference page (Scalar) runs its own inline scripts, so its policy allows them.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            var scripts = http.Request.Path.StartsWithSegments("/api-docs") ? "'self' 'unsafe-inline'" : $"'self' 'nonce-{nonce}'";
            headers.ContentSecurityPolicy = $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Request.Path.StartsWithSegments("/api")
                || http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>
    /// A change to the API made with the Studio's cookie needs the antiforgery token (the RequestVerificationToken header or
    /// the form field), so no other site can make a signed-in browser change anything; refused with 400, audited. Calls
    /// with a bearer token carry no ambient credential and need none.
    /// </summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var method = http.Request.Method;
        if (http.Request.Path.StartsWithSegments("/api") && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            && http.User.Identity?.IsAuthenticated == true && BootstrapTokenHandler.BearerToken(http.Request) is null
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await http.RequestServices.GetRequiredService<AuditLog>()
                .RecordAsync(http, AuditActions.Refused, new AuditSubject("antiforgery", null, null, null), 400);
            http.Response.StatusCode = 400;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = 400, Title = "No antiforgery token",
                    Detail = "A change made with the Studio's sign-in needs the page's antiforgery token (header RequestVerificationToken).",
                },
            });
            return;
        }
        await next(http);
    });

    /// <summary>Refuses a cookie or token whose security stamp is no longer its user's (signed out, locked, revoked, new password).</summary>
    public static IApplicationBuilder UseSessionStamps(this IApplicationBuilder app) => SessionStamps.Check(app);

    /// <summary>Audits credentials refused: a 401 to a request that presented a token or cookie.</summary>
    public static IApplicationBuilder UseCredentialAudit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (http.Response.StatusCode == 401 && (http.Request.Headers.Authorization.Count > 0 || http.Request.Cookies.ContainsKey("sendwf")))
        {
            await http.RequestServices.GetRequiredService<AuditLog>()
                .RecordAsync(http, AuditActions.Rejected, new AuditSubject("credentials", null, null, null), 401);
        }
    });

    /// <summary>Audits a change refused for bad input or a conflict (called where the refusal is turned into its answer).</summary>
    public static async Task AuditRefusalAsync(HttpContext http, int status)
    {
        if (status is 400 or 409 or 422 && http.Request.Method is "POST" or "PUT" && http.User.Identity?.IsAuthenticated == true
            && http.Request.Path.StartsWithSegments("/api"))
        {
            await http.RequestServices.GetRequiredService<AuditLog>()
                .RecordAsync(http, AuditActions.Refused, new AuditSubject("request", null, null, null), status);
        }
    }
}

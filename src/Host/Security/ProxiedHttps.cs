using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SendWorkflow.Host.Security;

/// <summary>
/// HTTPS, directly (Kestrel with a certificate) or behind a reverse proxy that terminates it. For a proxy, list its
/// addresses in ForwardedHeaders:KnownProxies (e.g. "10.0.0.5;10.0.0.6"): requests from them are read with the client's
/// address (X-Forwarded-For, used by the sign-in limits and the audit log) and scheme (X-Forwarded-Proto, so cookies are
/// Secure and HSTS is sent). Outside Development, HSTS tells browsers to use HTTPS only; it is sent on HTTPS answers only.
/// </summary>
public static class ProxiedHttps
{
    public static WebApplication UseProxiedHttps(this WebApplication app)
    {
        var proxies = (app.Configuration["ForwardedHeaders:KnownProxies"] ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (proxies.Length > 0)
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            app.UseForwardedHeaders(options);
        }
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }
}

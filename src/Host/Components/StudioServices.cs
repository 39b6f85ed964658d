using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using SendWorkflow.Host.Studio;

namespace SendWorkflow.Host.Components;

/// <summary>The Studio: the Blazor pages of the designer, the versions and the instance viewer.</summary>
public static class StudioServices
{
    public static WebApplicationBuilder AddStudio(this WebApplicationBuilder builder)
    {
        // "dotnet run" outside Development (e.g. --no-launch-profile) serves an unpublished build: the framework's
        // and MudBlazor's files are found through the build's static web assets manifest. Published, it is a no-op.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddStudio();
        return builder;
    }

    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddSingleton<StudioQueries>();
        services.AddSingleton<InstanceViews>();
        return services;
    }

    /// <summary>Files anyone may fetch, the sign-in page's included: before authentication in the pipeline.</summary>
    public static WebApplication UseStudioFiles(this WebApplication app)
    {
        // The canvas libraries are served straight from npm's folder: nothing generated is committed and the
        // versions are the ones package-lock.json pins.
        // Started from the repository root, the content root is the root: the libraries are still under src/Host.
        var modules = Path.Combine(app.Environment.ContentRootPath, "node_modules");
        if (!Directory.Exists(modules)) modules = Path.Combine(app.Environment.ContentRootPath, "src", "Host", "node_modules");
        ServeFolder(app, Path.Combine(modules, "@antv", "x6", "dist"), "/lib/x6");
        ServeFolder(app, Path.Combine(modules, "@dagrejs", "dagre", "dist"), "/lib/dagre");
        return app;
    }

    public static WebApplication MapStudio(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static void ServeFolder(WebApplication app, string folder, string path)
    {
        if (!Directory.Exists(folder))
        {
            app.Logger.LogWarning("Studio library folder {Folder} is missing; run npm ci in src/Host", folder);
            return;
        }
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = path });
    }
}

using Scalar.AspNetCore;
using SendWorkflow.Host;
using SendWorkflow.Host.Commands;
using SendWorkflow.Host.Components;
using SendWorkflow.Host.Endpoints;

if (await CommandLine.TryRunAsync(args) is { } exitCode) return exitCode;

// A published folder (it has its wwwroot beside the program) is its own content root, wherever it is started from:
// its settings, definitions, static files and canvas libraries are inside it. A build run with "dotnet run" keeps the
// current folder, as ASP.NET Core does.
var published = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = AppSettings.WithoutWatchingSettings(args),
    ContentRootPath = published ? AppContext.BaseDirectory : null,
}).AddSettingsBesideTheApplication();
// No request needs more than a megabyte but a definition's document (DefinitionsApi allows 4 MB).
// No Server header: it tells an attacker what to try first.
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = 1024 * 1024;
    k.AddServerHeader = false;
});
try
{
    builder.Services.AddSendWorkflow(builder.Configuration, builder.Environment);
}
catch (SendWorkflow.Persistence.DatabaseSettingsException ex)
{
    return StartupFailure.Explain(ex);
}
builder.AddStudio();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemHandling>();
builder.Services.AddOpenApi();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
    // {"name": "a", "name": "b"} is ambiguous: refused rather than read as whichever comes last.
    o.SerializerOptions.AllowDuplicateProperties = false;
});

var app = builder.Build();
app.UseProxiedHttps();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStudioFiles();
app.UseCredentialAudit();
app.UseAuthentication();
app.UseSessionStamps();
app.UseAuthorization();
app.UseApiAntiforgery();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapScalarApiReference("/api-docs", o => o.WithTitle("SendWorkflow API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
app.MapStudio();
app.MapSendWorkflowApi();
return await app.RunOrExplainAsync();

public partial class Program;

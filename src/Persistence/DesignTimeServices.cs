using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace SendWorkflow.Persistence;

/// <summary>
/// What `dotnet ef migrations add` uses beside EF Core's own services, for the SQLite migrations (this assembly is their
/// design-time start; the PostgreSQL migrations have their own).
/// </summary>
internal sealed class DesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection services) =>
        services.AddSingleton<Microsoft.EntityFrameworkCore.Design.IAnnotationCodeGenerator, RowidKeyAnnotations>();
}

/// <summary>
/// Writes a key's <see cref="SqliteValueGenerationStrategy.None"/> into the migrations' model snapshots. EF Core 10 writes
/// <c>UseAutoincrement()</c> for the other strategy and drops this one, so a snapshot read back gives the key AUTOINCREMENT
/// again by convention: the next migration would then rebuild the journal with AUTOINCREMENT, and every one after it
/// find the model changed (<see cref="SendWorkflowDbContext"/>, RowidKeys, says why the journal has none).
/// </summary>
#pragma warning disable EF1001 // EF Core's own SQLite generator, public but in an internal namespace; only `dotnet ef` runs it.
internal sealed class RowidKeyAnnotations(Microsoft.EntityFrameworkCore.Design.AnnotationCodeGeneratorDependencies dependencies)
    : Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteAnnotationCodeGenerator(dependencies)
{
    private const string Strategy = "Sqlite:ValueGenerationStrategy";

    public override IReadOnlyList<Microsoft.EntityFrameworkCore.Design.MethodCallCodeFragment> GenerateFluentApiCalls(IProperty property,
        IDictionary<string, IAnnotation> annotations)
    {
        annotations.TryGetValue(Strategy, out var strategy);
        var calls = base.GenerateFluentApiCalls(property, annotations);
        // Left among the annotations, it is written as HasAnnotation(...), which a snapshot reads back as it was.
        if (strategy?.Value is SqliteValueGenerationStrategy.None) annotations[Strategy] = strategy;
        return calls;
    }
}
#pragma warning restore EF1001

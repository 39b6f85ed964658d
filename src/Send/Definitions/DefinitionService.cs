using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Send.Problems;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Send.Definitions;

/// <summary>Drafts, publishing, reverting and importing definition versions. A published version never changes.</summary>
public sealed partial class DefinitionService(
    IDbContextFactory<SendWorkflowDbContext> factory, DefinitionCatalog catalog, TimeProvider time, ILogger<DefinitionService> logger)
{
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.DefinitionVersions.AsNoTracking()
            .Select(v => new { v.DefinitionId, v.Version, v.Name, v.Status })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.DefinitionId)
            .Select(g =>
            {
                var latest = g.MaxBy(r => r.Version)!;
                var published = g.Where(r => r.Status == DefinitionStatus.Published).Select(r => (int?)r.Version).Max();
                return new DefinitionSummary(g.Key, latest.Name, latest.Version, published);
            })
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<VersionInfo>> VersionsAsync(string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.DefinitionVersions.AsNoTracking().Where(v => v.DefinitionId == id)
            .OrderBy(v => v.Version)
            .Select(v => new VersionInfo(v.Version, v.Status, v.CreatedAt, v.PublishedAt, v.Revision, v.CreatedBy))
            .ToListAsync(ct);
        if (rows.Count == 0) throw new DefinitionNotFoundException(id);
        return rows;
    }

    /// <summary>selector: "published", "latest" or a version number.</summary>
    public async Task<DefinitionVersionRecord> GetAsync(string id, string? selector, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var versions = db.DefinitionVersions.AsNoTracking().Where(v => v.DefinitionId == id);
        if (!await versions.AnyAsync(ct)) throw new DefinitionNotFoundException(id);
        DefinitionVersionRecord? row = (selector ?? "published").ToLowerInvariant() switch
        {
            "published" => await versions.Where(v => v.Status == DefinitionStatus.Published).OrderByDescending(v => v.Version)
                .FirstOrDefaultAsync(ct),
            "latest" => await versions.OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct),
            var s when int.TryParse(s, out var n) => await versions.FirstOrDefaultAsync(v => v.Version == n, ct),
            _ => throw new BadRequestException($"Version must be 'published', 'latest' or a number, not '{selector}'."),
        };
        return row ?? throw new DefinitionNotFoundException(id, selector);
    }

    /// <summary>
    /// Saves the document as the definition's draft (a new version number if the latest is published). A rule that
    /// doesn't compile refuses the save; other problems are saved and listed so the designer can show them.
    /// </summary>
    public async Task<DraftResult> SaveDraftAsync(string id, WorkflowDefinition document, int? expectedRevision, string? actor, CancellationToken ct)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw new RequestValidationException([new Problem(
                "A definition's id is 1 to 64 lower-case letters, digits and dashes, starting with a letter or digit (e.g. send-pathway).", "id")]);
        }

        if (!string.IsNullOrEmpty(document.Id) && document.Id != id)
            throw new BadRequestException($"The document's id '{document.Id}' does not match the definition '{id}' in the address.");
        document = document with { Id = id };

        await using var db = await factory.CreateDbContextAsync(ct);
        var latest = await db.DefinitionVersions.Where(v => v.DefinitionId == id).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        var version = latest is { Status: DefinitionStatus.Draft } ? latest.Version : (latest?.Version ?? 0) + 1;
        document = document with { Version = version };

        var ruleErrors = DefinitionValidator.CompileRules(document).Errors;
        if (ruleErrors.Count > 0)
        {
            throw new DefinitionValidationException(id, ruleErrors
                .Select(e => new DefinitionProblem("rule-does-not-compile", e.Message, "transition", e.RuleName)).ToList());
        }
        var report = DefinitionValidator.Validate(document);
        var now = time.GetUtcNow().UtcDateTime;

        if (latest is { Status: DefinitionStatus.Draft })
        {
            if (expectedRevision is { } expected && expected != latest.Revision)
                throw new DraftChangedException(id, latest.Revision, latest.CreatedBy);
            latest.Json = DefinitionJson.Serialize(document);
            latest.Name = document.Name;
            latest.ContentHash = DefinitionJson.ContentHash(document);
            latest.CreatedAt = now;
            latest.CreatedBy = actor;
            latest.Revision++;
        }
        else
        {
            latest = new DefinitionVersionRecord
            {
                DefinitionId = id,
                Version = version,
                Name = document.Name,
                Status = DefinitionStatus.Draft,
                Json = DefinitionJson.Serialize(document),
                ContentHash = DefinitionJson.ContentHash(document),
                CreatedAt = now,
                CreatedBy = actor,
                Revision = 1,
            };
            db.DefinitionVersions.Add(latest);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DraftChangedException(id, latest.Revision, null);
        }
        return new DraftResult(version, latest.Revision, report.Errors, report.Warnings);
    }

    /// <summary>Publishes the draft, or refuses with every error. The previously published version is retired.</summary>
    public async Task<int> PublishAsync(string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var versions = await db.DefinitionVersions.Where(v => v.DefinitionId == id).ToListAsync(ct);
        if (versions.Count == 0) throw new DefinitionNotFoundException(id);
        var draft = versions.Where(v => v.Status == DefinitionStatus.Draft).MaxBy(v => v.Version)
            ?? throw new ConflictException($"Definition '{id}' has no draft to publish.");
        var document = DefinitionJson.Parse(draft.Json);
        var report = DefinitionValidator.Validate(document);
        if (!report.IsValid) throw new DefinitionValidationException(id, report.Errors);

        foreach (var old in versions.Where(v => v.Status == DefinitionStatus.Published)) old.Status = DefinitionStatus.Retired;
        draft.Status = DefinitionStatus.Published;
        draft.PublishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        catalog.Invalidate(id);
        logger.LogInformation("Published definition {DefinitionId} version {Version}", id, draft.Version);
        return draft.Version;
    }

    /// <summary>Makes a new draft from an old version's content.</summary>
    public async Task<DraftResult> RevertAsync(string id, int version, string? actor, CancellationToken ct)
    {
        var old = await GetAsync(id, version.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return await SaveDraftAsync(id, DefinitionJson.Parse(old.Json), null, actor, ct);
    }

    /// <summary>
    /// Imports a file: a new id or new content becomes a new published version; content identical to a stored
    /// version is skipped. An invalid document is refused with every error.
    /// </summary>
    public async Task<ImportResult> ImportAsync(WorkflowDefinition document, bool publish, string? actor, CancellationToken ct)
    {
        var report = DefinitionValidator.Validate(document);
        var hash = DefinitionJson.ContentHash(document);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var same = await db.DefinitionVersions.AsNoTracking()
                .Where(v => v.DefinitionId == document.Id && v.ContentHash == hash && v.Status != DefinitionStatus.Draft)
                .Select(v => (int?)v.Version).FirstOrDefaultAsync(ct);
            if (same is { } existing) return new ImportResult(document.Id, existing, "unchanged", report.Warnings);
        }
        if (publish && !report.IsValid) throw new DefinitionValidationException(document.Id, report.Errors);
        var draft = await SaveDraftAsync(document.Id, document, null, actor, ct);
        if (!publish) return new ImportResult(document.Id, draft.Version, "draft", draft.Warnings);
        var published = await PublishAsync(document.Id, ct);
        return new ImportResult(document.Id, published, "published", report.Warnings);
    }

    /// <summary>Imports every file of definitions/workflows at start-up.</summary>
    public async Task ImportFolderAsync(string folder, CancellationToken ct)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var document = DefinitionJson.Parse(await File.ReadAllTextAsync(file, ct));
                var result = await ImportAsync(document, publish: true, "import", ct);
                logger.LogInformation("Definition file {File}: {Id} version {Version} {Outcome}",
                    Path.GetFileName(file), result.Id, result.Version, result.Outcome);
            }
            catch (Exception ex) when (ex is DefinitionFormatException or DefinitionValidationException)
            {
                logger.LogError("Definition file {File} was not imported: {Problem}", Path.GetFileName(file), ex.Message);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}

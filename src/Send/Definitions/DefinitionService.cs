using Microsoft.Extensions.Logging;

namespace SendWorkflow.Send.Definitions;

/// <summary>
/// Drafts, publishing, reverting and importing definition versions, each in a variant (<see cref="DefinitionScope"/>):
/// the default, a borough's or a school's. A variant has at most one draft and one published version; a published
/// version never changes. Version numbers run across a definition's variants, so (id, version) names one document.
/// </summary>
public sealed partial class DefinitionService(
    IDbContextFactory<SendWorkflowDbContext> factory, DefinitionCatalog catalog, TimeProvider time, ILogger<DefinitionService> logger)
{
    /// <summary>Every definition as a variant sees it: its own versions, and which version its pupils run.</summary>
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(string scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.DefinitionVersions.AsNoTracking()
            .Select(v => new { v.DefinitionId, v.Version, v.Name, v.Status, v.Scope })
            .ToListAsync(ct);
        var chain = await ChainAsync(db, scope, ct);
        return rows.GroupBy(r => r.DefinitionId)
            .Select(g =>
            {
                var own = g.Where(r => r.Scope == scope).ToList();
                var published = own.Where(r => r.Status == DefinitionStatus.Published).Select(r => (int?)r.Version).Max();
                var runs = chain.Select(s => g.Where(r => r.Scope == s && r.Status == DefinitionStatus.Published).MaxBy(r => r.Version))
                    .FirstOrDefault(r => r is not null);
                var latest = own.MaxBy(r => r.Version) ?? runs ?? g.MaxBy(r => r.Version)!;
                return new DefinitionSummary(g.Key, latest.Name, latest.Version, published, runs?.Version, runs?.Scope);
            })
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<VersionInfo>> VersionsAsync(string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.DefinitionVersions.AsNoTracking().Where(v => v.DefinitionId == id)
            .OrderBy(v => v.Version)
            .Select(v => new VersionInfo(v.Version, v.Status, v.CreatedAt, v.PublishedAt, v.Revision, v.CreatedBy, v.Scope, v.BasedOn))
            .ToListAsync(ct);
        if (rows.Count == 0) throw new DefinitionNotFoundException(id);
        return rows;
    }

    /// <summary>
    /// selector: "published" (what the variant's pupils run: its own published version, else the nearest variant's),
    /// "latest" (the variant's draft or newest version, else what it runs) or a version number.
    /// </summary>
    public async Task<DefinitionVersionRecord> GetAsync(string id, string? selector, string scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var versions = db.DefinitionVersions.AsNoTracking().Where(v => v.DefinitionId == id);
        if (!await versions.AnyAsync(ct)) throw new DefinitionNotFoundException(id);
        DefinitionVersionRecord? row = (selector ?? "published").ToLowerInvariant() switch
        {
            "published" => await RunsAsync(db, id, scope, ct),
            "latest" => await versions.Where(v => v.Scope == scope).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct)
                ?? await RunsAsync(db, id, scope, ct),
            var s when int.TryParse(s, out var n) => await versions.FirstOrDefaultAsync(v => v.Version == n, ct),
            _ => throw new BadRequestException($"Version must be 'published', 'latest' or a number, not '{selector}'."),
        };
        return row ?? throw new DefinitionNotFoundException(id, selector);
    }

    /// <summary>
    /// Saves the document as the variant's draft (a new version number if the variant has none). A rule that doesn't
    /// compile refuses the save; other problems are saved and listed so the designer can show them.
    /// </summary>
    public async Task<DraftResult> SaveDraftAsync(string id, WorkflowDefinition document, DraftSave save, CancellationToken ct)
    {
        var problems = new ProblemCollector()
            .Check(IdPattern().IsMatch(id), "id",
                "A definition's id is 1 to 64 lower-case letters, digits and dashes, starting with a letter or digit (e.g. send-pathway).")
            .Check(DefinitionScope.IsValid(save.Scope), "scope", $"'{save.Scope}' is not a variant (school:ID, borough:ID or none).");
        problems.ThrowIfAny();
        if (!string.IsNullOrEmpty(document.Id) && document.Id != id)
            throw new BadRequestException($"The document's id '{document.Id}' does not match the definition '{id}' in the address.");
        document = document with { Id = id };

        await using var db = await factory.CreateDbContextAsync(ct);
        var draft = await db.DefinitionVersions
            .Where(v => v.DefinitionId == id && v.Scope == save.Scope && v.Status == DefinitionStatus.Draft)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        var version = draft?.Version
            ?? (await db.DefinitionVersions.Where(v => v.DefinitionId == id).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
        document = document with { Version = version };

        var ruleErrors = DefinitionValidator.CompileRules(document).Errors;
        if (ruleErrors.Count > 0)
        {
            throw new DefinitionValidationException(id, ruleErrors
                .Select(e => new DefinitionProblem("rule-does-not-compile", e.Message, "transition", e.RuleName)).ToList());
        }
        var report = DefinitionValidator.Validate(document);
        var now = time.GetUtcNow().UtcDateTime;

        if (draft is not null)
        {
            if (save.ExpectedRevision is { } expected && expected != draft.Revision)
                throw new DraftChangedException(id, draft.Revision, draft.CreatedBy);
            draft.Json = DefinitionJson.Serialize(document);
            draft.Name = document.Name;
            draft.ContentHash = DefinitionJson.ContentHash(document);
            draft.CreatedAt = now;
            draft.CreatedBy = save.Actor;
            draft.Revision++;
        }
        else
        {
            draft = new DefinitionVersionRecord
            {
                DefinitionId = id,
                Version = version,
                Scope = save.Scope,
                BasedOn = save.BasedOn ?? await RunsVersionAsync(db, id, save.Scope, ct),
                Name = document.Name,
                Status = DefinitionStatus.Draft,
                Json = DefinitionJson.Serialize(document),
                ContentHash = DefinitionJson.ContentHash(document),
                CreatedAt = now,
                CreatedBy = save.Actor,
                Revision = 1,
            };
            db.DefinitionVersions.Add(draft);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || draft.Revision == 1)
        {
            // A second editor saved first: a newer revision, or the same new version number taken meanwhile.
            throw new DraftChangedException(id, draft.Revision, null);
        }
        return new DraftResult(version, draft.Revision, report.Errors, report.Warnings);
    }

    /// <summary>Publishes the variant's draft, or refuses with every error. The variant's previously published version is retired.</summary>
    public async Task<int> PublishAsync(string id, string scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var versions = await db.DefinitionVersions.Where(v => v.DefinitionId == id && v.Scope == scope).ToListAsync(ct);
        if (versions.Count == 0 && !await db.DefinitionVersions.AnyAsync(v => v.DefinitionId == id, ct))
            throw new DefinitionNotFoundException(id);
        var draft = versions.Where(v => v.Status == DefinitionStatus.Draft).MaxBy(v => v.Version)
            ?? throw new ConflictException($"Definition '{id}' has no draft to publish in {DefinitionScope.Describe(scope)}.");
        var document = DefinitionJson.Parse(draft.Json);
        var report = DefinitionValidator.Validate(document);
        if (!report.IsValid) throw new DefinitionValidationException(id, report.Errors);

        foreach (var old in versions.Where(v => v.Status == DefinitionStatus.Published)) old.Status = DefinitionStatus.Retired;
        draft.Status = DefinitionStatus.Published;
        draft.PublishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        catalog.Invalidate(id);
        logger.LogInformation("Published definition {DefinitionId} version {Version} ({Scope})", id, draft.Version, scope);
        return draft.Version;
    }

    /// <summary>Makes a new draft in the variant from any version's content.</summary>
    public async Task<DraftResult> RevertAsync(string id, int version, string? actor, string scope, CancellationToken ct)
    {
        var old = await GetAsync(id, version.ToString(System.Globalization.CultureInfo.InvariantCulture), scope, ct);
        return await SaveDraftAsync(id, DefinitionJson.Parse(old.Json), new DraftSave(null, actor, scope, version), ct);
    }

    /// <summary>
    /// Imports a file into a variant: a new id or new content becomes a new version (published if asked); content
    /// identical to a stored version of the variant is skipped. An invalid document is refused with every error.
    /// </summary>
    public async Task<ImportResult> ImportAsync(WorkflowDefinition document, bool publish, string? actor, string scope, CancellationToken ct)
    {
        var report = DefinitionValidator.Validate(document);
        var hash = DefinitionJson.ContentHash(document);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var same = await db.DefinitionVersions.AsNoTracking()
                .Where(v => v.DefinitionId == document.Id && v.Scope == scope && v.ContentHash == hash && v.Status != DefinitionStatus.Draft)
                .Select(v => (int?)v.Version).FirstOrDefaultAsync(ct);
            if (same is { } existing) return new ImportResult(document.Id, existing, "unchanged", report.Warnings);
        }
        if (publish && !report.IsValid) throw new DefinitionValidationException(document.Id, report.Errors);
        var draft = await SaveDraftAsync(document.Id, document, new DraftSave(null, actor, scope), ct);
        if (!publish) return new ImportResult(document.Id, draft.Version, "draft", draft.Warnings);
        var published = await PublishAsync(document.Id, scope, ct);
        return new ImportResult(document.Id, published, "published", report.Warnings);
    }

    /// <summary>Imports every file of definitions/workflows at start-up, as the default variants.</summary>
    public async Task ImportFolderAsync(string folder, CancellationToken ct)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var document = DefinitionJson.Parse(await File.ReadAllTextAsync(file, ct));
                var result = await ImportAsync(document, publish: true, "import", DefinitionScope.Default, ct);
                logger.LogInformation("Definition file {File}: {Id} version {Version} {Outcome}",
                    Path.GetFileName(file), result.Id, result.Version, result.Outcome);
            }
            catch (Exception ex) when (ex is DefinitionFormatException or DefinitionValidationException)
            {
                logger.LogError("Definition file {File} was not imported: {Problem}", Path.GetFileName(file), ex.Message);
            }
        }
    }

    /// <summary>The variants whose published version a variant's pupils run, nearest first: a school's, its borough's, the default.</summary>
    private static async Task<IReadOnlyList<string>> ChainAsync(SendWorkflowDbContext db, string scope, CancellationToken ct)
    {
        if (scope == DefinitionScope.Default) return [DefinitionScope.Default];
        if (!scope.StartsWith("school:", StringComparison.Ordinal)) return [scope, DefinitionScope.Default];
        var school = scope["school:".Length..];
        var borough = await db.Schools.AsNoTracking().Where(x => x.Id == school).Select(x => x.BoroughId).FirstOrDefaultAsync(ct);
        return borough is null ? [scope, DefinitionScope.Default] : DefinitionScope.ChainFor(school, borough);
    }

    /// <summary>The published version the variant's pupils run: its own, else the nearest variant's.</summary>
    private static async Task<DefinitionVersionRecord?> RunsAsync(SendWorkflowDbContext db, string id, string scope, CancellationToken ct)
    {
        var versions = db.DefinitionVersions.AsNoTracking().Where(v => v.DefinitionId == id && v.Status == DefinitionStatus.Published);
        foreach (var s in await ChainAsync(db, scope, ct))
        {
            if (await versions.Where(v => v.Scope == s).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct) is { } row) return row;
        }
        return null;
    }

    private static async Task<int?> RunsVersionAsync(SendWorkflowDbContext db, string id, string scope, CancellationToken ct) =>
        (await RunsAsync(db, id, scope, ct))?.Version;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Definitions;

namespace SendWorkflow.Send.Play;

/// <summary>
/// "Try it": runs a definition's open draft for a fictional test pupil in a throwaway world of its own
/// (<see cref="PlaySandbox"/>), for those who may change the draft's variant. Each session belongs to the person who started
/// it; an unused one expires and its folder is deleted; a person keeps a few at once. Nothing touches real pupils, the
/// service's instances or the published versions.
/// </summary>
public sealed partial class PlaySessions(DefinitionService definitions, DefinitionCatalog catalog, CalendarRegistry calendars,
    Statutory.BoroughTimelines timelines,
    IDbContextFactory<SendWorkflowDbContext> factory, AccessGuard guard, TimeProvider time, PlayOptions options, ILogger<PlaySessions> logger)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, PlaySession> _sessions = new();
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Host, DateTimeOffset Wall)> _used = new();
    private readonly SemaphoreSlim _template = new(1, 1);
    private string? _templateFile;
    private long _touches;

    public PlayOptions Options => options;

    /// <summary>How many sessions are open now.</summary>
    public int Count => _sessions.Count;

    /// <summary>Starts a session on the variant's draft (or the document given), for the caller only.</summary>
    public Task<PlayStateDto> StartAsync(Caller caller, string definitionId, string? scope, PlayStart start, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(start);
        var given = start.Document is { ValueKind: JsonValueKind.Object } json ? DefinitionJson.Parse(json) : null;
        return StartAsync(caller, definitionId, scope, start, given, ct);
    }

    /// <summary>Starts a session on the document the designer has open (saved or not); null for the variant's saved draft.</summary>
    public async Task<PlayStateDto> StartAsync(Caller caller, string definitionId, string? scope, PlayStart start, WorkflowDefinition? given,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(start);
        var variant = await guard.RequireVariantAsync(caller, scope);
        var problems = new ProblemCollector()
            .Date(start.StartsOn, "startsOn")
            .Check(start.Document is null || start.Document.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null, "document",
                "'document' must be a definition (a JSON object).");
        PlaySession.CheckFacts(problems, start.YearGroup, start.Phase);
        problems.ThrowIfAny();
        await SweepAsync(ct);
        if (_sessions.Count >= options.MaxTotal)
            throw new ConflictException($"{options.MaxTotal} Play sessions are open in the service; try again when some have ended.");

        var record = await definitions.GetAsync(definitionId, "latest", variant, ct);
        var document = (given ?? DefinitionJson.Parse(record.Json)) with { Id = definitionId, Version = record.Version };
        var draft = RunnableDraft.Of(document);
        var compiled = CompiledDefinition.Compile(draft.Definition);
        var (others, missing) = await ChildrenAsync(compiled.Definition, ct);
        if (missing.Count > 0) draft = draft with { LeftOut = [.. draft.LeftOut, .. missing] };

        var owner = OwnerOf(caller);
        var now = time.GetUtcNow();
        var startsOn = start.StartsOn ?? UkTime.DateOf(now);
        var facts = new PlayFacts(start.YearGroup ?? 3, start.LookedAfter ?? false, start.Phase, null);
        var borough = await BoroughOfAsync(caller, ct);
        var calendar = calendars.ForBorough(borough);
        var id = Guid.NewGuid();
        var sandbox = await PlaySandbox.CreateAsync(Path.Combine(options.Root, id.ToString("N")), await TemplateAsync(ct), compiled, others,
            calendar, startsOn, facts, d => timelines.Current(borough)?.For(d), ct);
        var session = new PlaySession(id, owner, variant, draft, sandbox, startsOn, facts, now);
        _sessions[id] = session;
        Touch(session);
        await KeepWithinCapAsync(owner, id);
        LogStarted(logger, id, definitionId, compiled.Version);
        return await session.StateAsync(ExpiresAt(session), ct);
    }

    /// <summary>Runs one step (facts, an event, a task completed, time moved on) and answers with it and the session after it.</summary>
    public async Task<PlayStepAnswer> StepAsync(Caller caller, string definitionId, Guid sessionId, PlayStep step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        var session = await RequireAsync(caller, definitionId, sessionId, ct);
        var result = await session.ApplyAsync(step, ct);
        Touch(session);
        return new PlayStepAnswer(result, await session.StateAsync(ExpiresAt(session), ct));
    }

    public async Task<PlayStateDto> GetAsync(Caller caller, string definitionId, Guid sessionId, CancellationToken ct)
    {
        var session = await RequireAsync(caller, definitionId, sessionId, ct);
        Touch(session);
        return await session.StateAsync(ExpiresAt(session), ct);
    }

    /// <summary>Ends the session and deletes its files.</summary>
    public async Task CloseAsync(Caller caller, string definitionId, Guid sessionId, CancellationToken ct)
    {
        var session = await RequireAsync(caller, definitionId, sessionId, ct);
        await EndAsync(session.Id);
    }

    /// <summary>The steps taken in a session and what they ended in, for saving as a scenario.</summary>
    internal async Task<PlaySession> RequireAsync(Caller caller, string definitionId, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await SweepAsync(ct);
        if (!_sessions.TryGetValue(sessionId, out var session) || session.Owner != OwnerOf(caller) || session.DefinitionId != definitionId)
            throw new PlaySessionGoneException(sessionId);
        return session;
    }

    /// <summary>Runs a scenario's steps in a fresh world on the draft as it is now, and ends the world; for replaying.</summary>
    internal async Task<(RunnableDraft Draft, int Version, IReadOnlyList<PlayOutcome> Outcomes)> ReplayAsync(Caller caller,
        string definitionId, string variant, WorkflowDefinition? given, DateOnly startsOn, PlayFacts facts, IReadOnlyList<PlayStep> steps,
        CancellationToken ct)
    {
        var record = await definitions.GetAsync(definitionId, "latest", variant, ct);
        var draft = RunnableDraft.Of((given ?? DefinitionJson.Parse(record.Json)) with { Id = definitionId, Version = record.Version });
        var compiled = CompiledDefinition.Compile(draft.Definition);
        var (others, _) = await ChildrenAsync(compiled.Definition, ct);
        var borough = await BoroughOfAsync(caller, ct);
        var calendar = calendars.ForBorough(borough);
        var id = Guid.NewGuid();
        var sandbox = await PlaySandbox.CreateAsync(Path.Combine(options.Root, id.ToString("N")), await TemplateAsync(ct), compiled, others,
            calendar, startsOn, facts, d => timelines.Current(borough)?.For(d), ct);
        await using var session = new PlaySession(id, OwnerOf(caller), variant, draft, sandbox, startsOn, facts, time.GetUtcNow());
        var outcomes = new List<PlayOutcome>();
        foreach (var step in steps) outcomes.Add(await session.ReplayAsync(step, ct));
        return (draft, compiled.Version, outcomes);
    }

    /// <summary>Ends every session unused for longer than the idle timeout; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var host = time.GetUtcNow();
        var wall = TimeProvider.System.GetUtcNow();
        var expired = _used.Where(u => host - u.Value.Host >= options.IdleTimeout || wall - u.Value.Wall >= options.IdleTimeout)
            .Select(u => u.Key).ToList();
        foreach (var id in expired)
        {
            ct.ThrowIfCancellationRequested();
            await EndAsync(id);
            LogExpired(logger, id);
        }
        return expired.Count;
    }

    private DateTimeOffset ExpiresAt(PlaySession session) =>
        (_used.TryGetValue(session.Id, out var used) ? used.Host : time.GetUtcNow()) + options.IdleTimeout;

    private void Touch(PlaySession session)
    {
        session.LastUsed = time.GetUtcNow();
        session.Touched = Interlocked.Increment(ref _touches);
        _used[session.Id] = (session.LastUsed, TimeProvider.System.GetUtcNow());
    }

    private async Task KeepWithinCapAsync(string owner, Guid keep)
    {
        var extra = _sessions.Values.Where(s => s.Owner == owner && s.Id != keep).OrderByDescending(s => s.Touched)
            .Skip(options.MaxPerUser - 1).ToList();
        foreach (var s in extra) await EndAsync(s.Id);
    }

    private async Task EndAsync(Guid id)
    {
        _used.TryRemove(id, out _);
        if (_sessions.TryRemove(id, out var session)) await session.DisposeAsync();
    }

    private static string OwnerOf(Caller caller) => caller.UserId ?? caller.Actor;

    /// <summary>The caller's borough, whose term dates the test pupil's school keeps (an administrator: the first borough's).</summary>
    private async Task<string> BoroughOfAsync(Caller caller, CancellationToken ct)
    {
        if (caller.BoroughId is { } own) return own;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (caller.SchoolId is { } school
            && await db.Schools.AsNoTracking().Where(s => s.Id == school).Select(s => s.BoroughId).FirstOrDefaultAsync(ct) is { } borough)
        {
            return borough;
        }
        return await db.Boroughs.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Id).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException("Play needs a borough's term dates, and the service has no borough yet.");
    }

    /// <summary>The published versions of the workflows the draft's states start, so the trial can start them too (read only).</summary>
    private async Task<(List<CompiledDefinition> Found, List<string> Missing)> ChildrenAsync(WorkflowDefinition draft, CancellationToken ct)
    {
        var found = new List<CompiledDefinition>();
        var missing = new List<string>();
        var queue = new Queue<string>(draft.States.Select(s => s.Starts).OfType<string>());
        var seen = new HashSet<string>(StringComparer.Ordinal) { draft.Id };
        while (queue.TryDequeue(out var child))
        {
            if (!seen.Add(child)) continue;
            try
            {
                var compiled = await catalog.GetPublishedAsync(child, ct);
                found.Add(compiled);
                foreach (var next in compiled.Definition.States.Select(s => s.Starts).OfType<string>()) queue.Enqueue(next);
            }
            catch (DefinitionNotFoundException)
            {
                missing.Add($"The workflow '{child}' that a state starts has no published version, so Play can't start it.");
            }
        }
        return (found, missing);
    }

    private async Task<string> TemplateAsync(CancellationToken ct)
    {
        if (_templateFile is { } made) return made;
        await _template.WaitAsync(ct);
        try
        {
            if (_templateFile is { } again) return again;
            Directory.CreateDirectory(options.Root);
            var file = Path.Combine(options.Root, "template.db");
            if (File.Exists(file)) File.Delete(file);
            await PlaySandbox.CreateTemplateAsync(file, ct);
            return _templateFile = file;
        }
        finally
        {
            _template.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _sessions.Keys.ToList()) await EndAsync(id);
        _template.Dispose();
        try
        {
            if (Directory.Exists(options.Root)) Directory.Delete(options.Root, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing in it is anyone's data.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Play session {SessionId} started on {DefinitionId} version {Version}")]
    private static partial void LogStarted(ILogger logger, Guid sessionId, string definitionId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Play session {SessionId} expired unused; its files were deleted")]
    private static partial void LogExpired(ILogger logger, Guid sessionId);
}

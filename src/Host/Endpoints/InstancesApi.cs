using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Security;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Rules;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Problems;
using SendWorkflow.Workflows.Calendars;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Host.Endpoints;

public sealed record StartInstanceRequest(string? DefinitionId, string? PupilId);
public sealed record EventRequest(string? Name, JsonElement? Data);
public sealed record TimerDto(Guid TimerId, string Timer, DateTimeOffset DueAt, DateOnly DueOn);
public sealed record InstanceDto(
    Guid Id, string DefinitionId, int Version, string PupilId, string SchoolId, string State, int? Stage, string Status,
    DateTimeOffset EnteredStateAt, string EnteredBy, IReadOnlyList<TaskDto> OpenTasks, IReadOnlyList<TimerDto> PendingTimers,
    Facts? Facts);
public sealed record JournalDto(long Id, DateTimeOffset At, string Kind, string State, string Detail, JsonElement? Data, string? Actor);

/// <summary>Instances: start one for a pupil, read it and its journal, send it events.</summary>
public static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/instances").WithTags("Instances");
        g.MapPost("", Start);
        g.MapGet("/{id:guid}",
            async (Guid id, SendWorkflowDbContext db, CalendarRegistry calendars, TimeProvider time, StaffScope scope, CancellationToken ct) =>
        {
            var pupil = await RequireAsync(db, scope, id, ct);
            scope.Audit(AuditActions.Read, "instance", id.ToString(), pupil.Id, pupil.SchoolId);
            return TypedResults.Ok(await LoadAsync(db, calendars, time, id, ct));
        });
        g.MapGet("/{id:guid}/journal", Journal);
        g.MapPost("/{id:guid}/events", Raise);
        api.MapGet("/pupils/{pupilId}/instances", async (string pupilId, SendWorkflowDbContext db, StaffScope scope, CancellationToken ct) =>
        {
            var pupil = await scope.RequirePupilAsync(db, pupilId, "pupil", null, ct);
            scope.Audit(AuditActions.Read, "pupil-instances", pupilId, pupilId, pupil.SchoolId);
            var q = db.Instances.AsNoTracking().Where(i => i.SubjectId == pupilId);
            if (scope.Role == StaffRoles.LaOfficer) q = q.Where(i => AccessPolicy.StatutoryDefinitions.Contains(i.DefinitionId));
            return TypedResults.Ok(await q.OrderBy(i => i.StartedAt)
                .Select(i => new { i.Id, i.DefinitionId, i.Version, i.State, i.Stage, Status = i.Status.ToString().ToLowerInvariant(), i.StartedAt })
                .ToListAsync(ct));
        }).WithTags("Instances");
        return api;
    }

    /// <summary>The instance's pupil, if the user may see this instance; otherwise 404 (audited).</summary>
    private static async Task<Pupil> RequireAsync(SendWorkflowDbContext db, StaffScope scope, Guid id, CancellationToken ct)
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new InstanceNotFoundException(id);
        return await scope.RequireInstanceAsync(db, instance, ct);
    }

    private static async Task<IResult> Start(StartInstanceRequest body, WorkflowEngine engine, SendWorkflowDbContext db,
        CalendarRegistry calendars, TimeProvider time, StaffScope scope, CancellationToken ct)
    {
        new ProblemCollector().Require(body.DefinitionId, "definitionId", 100).Require(body.PupilId, "pupilId", 100).ThrowIfAny();
        scope.Require("start a workflow for a pupil", Capabilities.ChangeRecords);
        var pupil = await scope.RequirePupilAsync(db, body.PupilId!, "pupil", null, ct);
        if (scope.Role == StaffRoles.LaOfficer && !AccessPolicy.StatutoryDefinitions.Contains(body.DefinitionId!))
            throw new ForbiddenException("An LA officer starts statutory workflows only.");
        var instance = await engine.StartAsync(body.DefinitionId!, body.PupilId!, scope.Actor, ct);
        scope.Audit(AuditActions.Change, "instance", instance.Id.ToString(), pupil.Id, pupil.SchoolId, 201);
        return TypedResults.Created($"/api/instances/{instance.Id}", await LoadAsync(db, calendars, time, instance.Id, ct));
    }

    private static async Task<IResult> Raise(Guid id, EventRequest body, WorkflowEngine engine, SendWorkflowDbContext db, StaffScope scope,
        CancellationToken ct)
    {
        new ProblemCollector().Require(body.Name, "name", 100)
            .Check(body.Data is null || body.Data.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null, "data",
                "'data' must be a JSON object.")
            .ThrowIfAny();
        var pupil = await RequireAsync(db, scope, id, ct);
        scope.Require("change a pupil's record", Capabilities.ChangeRecords);
        var outcome = await engine.RaiseAsync(id, new WorkflowEvent(body.Name!, EventData.FromJson(body.Data), scope.Actor), ct);
        scope.Audit(AuditActions.Change, "instance", id.ToString(), pupil.Id, pupil.SchoolId);
        return TypedResults.Ok(new
        {
            outcome.Transitioned, outcome.From, outcome.To, outcome.Rule, transition = outcome.TransitionId, outcome.Stage,
            status = outcome.Status.ToString().ToLowerInvariant(),
        });
    }

    private static async Task<IResult> Journal(Guid id, SendWorkflowDbContext db, StaffScope scope, CancellationToken ct)
    {
        var pupil = await RequireAsync(db, scope, id, ct);
        scope.Audit(AuditActions.Read, "journal", id.ToString(), pupil.Id, pupil.SchoolId);
        var rows = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(j => new JournalDto(j.Id, new DateTimeOffset(j.At, TimeSpan.Zero), j.Kind, j.State, j.Detail,
            j.Data is null ? null : JsonDocument.Parse(j.Data).RootElement, j.Actor)));
    }

    internal static async Task<InstanceDto> LoadAsync(SendWorkflowDbContext db, CalendarRegistry calendars, TimeProvider time, Guid id,
        CancellationToken ct)
    {
        var i = await db.Instances.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new InstanceNotFoundException(id);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == WorkTaskStatus.Open)
            .OrderBy(t => t.DueOn).ThenBy(t => t.Title).ToListAsync(ct);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending)
            .OrderBy(t => t.DueAt).ToListAsync(ct);
        var yearGroup = await db.Pupils.Where(p => p.Id == i.SubjectId).Select(p => p.YearGroup).FirstOrDefaultAsync(ct);
        Facts? facts = null;
        try
        {
            facts = FactsBuilder.Build(i, yearGroup, "", time.GetUtcNow(), calendars.ForBorough(i.BoroughId));
        }
        catch (SchoolCalendarException)
        {
            // Facts need term dates; the instance is still worth showing without them.
        }
        return new InstanceDto(i.Id, i.DefinitionId, i.Version, i.SubjectId, i.SchoolId, i.State, i.Stage,
            i.Status.ToString().ToLowerInvariant(), new DateTimeOffset(i.EnteredStateAt, TimeSpan.Zero), i.EnteredBy,
            tasks.Select(TasksApi.ToDto).ToList(),
            timers.Select(t =>
                new TimerDto(t.Id, t.TimerId, new DateTimeOffset(t.DueAt, TimeSpan.Zero), UkTime.DateOf(new DateTimeOffset(t.DueAt, TimeSpan.Zero))))
                .ToList(),
            facts);
    }
}

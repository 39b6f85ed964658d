using Microsoft.EntityFrameworkCore;
using SendWorkflow.Host.Security;
using SendWorkflow.Persistence;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Endpoints;

public sealed record CreateBoroughRequest(string? Id, string? Name, string? CalendarId);
public sealed record CreateSchoolRequest(string? Id, string? Name, string? BoroughId);
public sealed record CreatePupilRequest(string? Id, string? Name, DateOnly? DateOfBirth, string? SchoolId, int? YearGroup, string? ClassName = null,
    string? PrimaryNeed = null);
public sealed record UpdatePupilRequest(string? Name, int? YearGroup, string? ClassName, string? PrimaryNeed);
public sealed record BoroughDto(string Id, string Name, string CalendarId);
public sealed record SchoolDto(string Id, string Name, string BoroughId);
public sealed record PupilDto(string Id, string Name, DateOnly DateOfBirth, string SchoolId, int YearGroup, string? ClassName, string? PrimaryNeed);

/// <summary>Boroughs, schools and pupils: the places the workflows run in.</summary>
public static class DirectoryApi
{
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/boroughs", CreateBorough).WithTags("Directory");
        api.MapGet("/boroughs/{id}", GetBorough).WithTags("Directory");
        api.MapPost("/schools", CreateSchool).WithTags("Directory");
        api.MapGet("/schools/{id}", GetSchool).WithTags("Directory");
        api.MapPost("/pupils", CreatePupil).WithTags("Directory");
        api.MapGet("/pupils/{id}", GetPupil).WithTags("Directory");
        api.MapPut("/pupils/{id}", UpdatePupil).WithTags("Directory");
        return api;
    }

    private static async Task<IResult> CreateBorough(CreateBoroughRequest body, SendWorkflowDbContext db, CalendarRegistry calendars,
        IConfiguration config, TimeProvider time, StaffScope scope, CancellationToken ct)
    {
        scope.Require("create boroughs", Capabilities.Administer);
        var calendarId = body.CalendarId ?? config["Calendars:Default"] ?? "demo-borough";
        new ProblemCollector()
            .Require(body.Id, "id", 100).Id(body.Id, "id")
            .Require(body.Name, "name")
            .Check(calendars.Exists(calendarId), "calendarId",
                $"There is no term calendar '{calendarId}' (known: {string.Join(", ", calendars.CalendarIds)}).")
            .ThrowIfAny();
        if (await db.Boroughs.AnyAsync(b => b.Id == body.Id, ct))
            throw new SendWorkflow.Send.Problems.ConflictException($"Borough '{body.Id}' already exists.");
        var row = new Borough { Id = body.Id!, Name = body.Name!.Trim(), CalendarId = calendarId, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Boroughs.Add(row);
        await db.SaveChangesAsync(ct);
        calendars.Assign(row.Id, calendarId);
        return TypedResults.Created($"/api/boroughs/{row.Id}", new BoroughDto(row.Id, row.Name, row.CalendarId));
    }

    private static async Task<IResult> GetBorough(string id, SendWorkflowDbContext db, CancellationToken ct) =>
        await db.Boroughs.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } b
            ? TypedResults.Ok(new BoroughDto(b.Id, b.Name, b.CalendarId))
            : throw new NotFoundException($"There is no borough '{id}'.");

    private static async Task<IResult> CreateSchool(CreateSchoolRequest body, SendWorkflowDbContext db, TimeProvider time, StaffScope scope,
        CancellationToken ct)
    {
        scope.Require("create schools", Capabilities.Administer);
        var problems = new ProblemCollector()
            .Require(body.Id, "id", 100).Id(body.Id, "id")
            .Require(body.Name, "name")
            .Require(body.BoroughId, "boroughId", 100);
        if (body.BoroughId is not null)
            problems.Check(await db.Boroughs.AnyAsync(b => b.Id == body.BoroughId, ct), "boroughId", $"There is no borough '{body.BoroughId}'.");
        problems.ThrowIfAny();
        if (await db.Schools.AnyAsync(s => s.Id == body.Id, ct))
            throw new SendWorkflow.Send.Problems.ConflictException($"School '{body.Id}' already exists.");
        var row = new School { Id = body.Id!, Name = body.Name!.Trim(), BoroughId = body.BoroughId!, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Schools.Add(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/schools/{row.Id}", new SchoolDto(row.Id, row.Name, row.BoroughId));
    }

    private static async Task<IResult> GetSchool(string id, SendWorkflowDbContext db, CancellationToken ct) =>
        await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s
            ? TypedResults.Ok(new SchoolDto(s.Id, s.Name, s.BoroughId))
            : throw new NotFoundException($"There is no school '{id}'.");

    private static async Task<IResult> CreatePupil(CreatePupilRequest body, SendWorkflowDbContext db, TimeProvider time, StaffScope scope,
        CancellationToken ct)
    {
        scope.Require("add pupils", Capabilities.ManagePupils);
        var today = Workflows.Calendars.UkTime.DateOf(time.GetUtcNow());
        var problems = new ProblemCollector()
            .Id(body.Id, "id")
            .Require(body.Name, "name")
            .Require(body.SchoolId, "schoolId", 100)
            .Check(body.DateOfBirth is not null, "dateOfBirth", "'dateOfBirth' is required.")
            .Check(body.DateOfBirth is null || (body.DateOfBirth <= today && body.DateOfBirth >= today.AddYears(-26)), "dateOfBirth",
                "'dateOfBirth' must be in the past and within the last 26 years (SEN support runs to age 25).")
            .Check(body.YearGroup is null || body.YearGroup is >= -1 and <= 14, "yearGroup",
                "'yearGroup' must be -1 (nursery), 0 (reception) or 1 to 14.")
            .Check(body.YearGroup is not null, "yearGroup", "'yearGroup' is required.")
            .Check(body.ClassName is not { Length: > 50 }, "className", "'className' must be at most 50 characters.")
            .Check(body.PrimaryNeed is null || CensusNeeds.All.ContainsKey(body.PrimaryNeed), "primaryNeed",
                $"'{body.PrimaryNeed}' is not a census code of need (use one of {string.Join(", ", CensusNeeds.All.Keys)}).");
        if (body.SchoolId is not null && !scope.IsAdministrator)
            problems.Check(body.SchoolId == scope.SchoolId, "schoolId", "You can add pupils to your own school only.");
        if (body.SchoolId is not null)
            problems.Check(await db.Schools.AnyAsync(s => s.Id == body.SchoolId, ct), "schoolId", $"There is no school '{body.SchoolId}'.");
        problems.ThrowIfAny();
        var id = body.Id ?? Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        if (await db.Pupils.AnyAsync(p => p.Id == id, ct))
            throw new SendWorkflow.Send.Problems.ConflictException($"Pupil '{id}' already exists.");
        var row = new Pupil
        {
            Id = id, Name = body.Name!.Trim(), DateOfBirth = body.DateOfBirth!.Value, SchoolId = body.SchoolId!,
            YearGroup = body.YearGroup!.Value, ClassName = body.ClassName?.Trim(), PrimaryNeed = body.PrimaryNeed,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Pupils.Add(row);
        await db.SaveChangesAsync(ct);
        scope.Audit(AuditActions.Change, "pupil", row.Id, row.Id, row.SchoolId, 201);
        return TypedResults.Created($"/api/pupils/{row.Id}", ToDto(row));
    }

    private static async Task<IResult> GetPupil(string id, SendWorkflowDbContext db, StaffScope scope, CancellationToken ct)
    {
        var pupil = await scope.RequirePupilAsync(db, id, "pupil", null, ct);
        scope.Audit(AuditActions.Read, "pupil", id, id, pupil.SchoolId);
        return TypedResults.Ok(ToDto(pupil));
    }

    /// <summary>The SENCo keeps a pupil's details current: a new class each September, the primary need once known.</summary>
    private static async Task<IResult> UpdatePupil(string id, UpdatePupilRequest body, SendWorkflowDbContext db, StaffScope scope,
        CancellationToken ct)
    {
        new ProblemCollector()
            .Check(body.Name is null || (body.Name.Trim().Length is > 0 and <= 200), "name", "'name' must be 1 to 200 characters.")
            .Check(body.YearGroup is null or >= -1 and <= 14, "yearGroup", "'yearGroup' must be -1 (nursery), 0 (reception) or 1 to 14.")
            .Check(body.ClassName is not { Length: > 50 }, "className", "'className' must be at most 50 characters.")
            .Check(body.PrimaryNeed is null || CensusNeeds.All.ContainsKey(body.PrimaryNeed), "primaryNeed",
                $"'{body.PrimaryNeed}' is not a census code of need (use one of {string.Join(", ", CensusNeeds.All.Keys)}).")
            .ThrowIfAny();
        await scope.RequirePupilAsync(db, id, "pupil", null, ct);
        scope.Require("change a pupil's details", Capabilities.ManagePupils);
        var row = await db.Pupils.FirstAsync(p => p.Id == id, ct);
        if (body.Name is not null) row.Name = body.Name.Trim();
        if (body.YearGroup is not null) row.YearGroup = body.YearGroup.Value;
        if (body.ClassName is not null) row.ClassName = body.ClassName.Trim().Length == 0 ? null : body.ClassName.Trim();
        if (body.PrimaryNeed is not null) row.PrimaryNeed = body.PrimaryNeed;
        await db.SaveChangesAsync(ct);
        scope.Audit(AuditActions.Change, "pupil", id, id, row.SchoolId);
        return TypedResults.Ok(ToDto(row));
    }

    private static PupilDto ToDto(Pupil p) => new(p.Id, p.Name, p.DateOfBirth, p.SchoolId, p.YearGroup, p.ClassName, p.PrimaryNeed);
}

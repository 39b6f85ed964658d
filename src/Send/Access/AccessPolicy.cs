using System.Security.Claims;

namespace SendWorkflow.Send.Access;

/// <summary>
/// Who may see what, in one place: school staff their own school, class teachers and TAs the pupils of their classes,
/// an LA officer their borough's statutory work, a governor figures and no names, an administrator everything.
/// The API (through the request's user) and the Studio's pages (through the circuit's signed-in user) both ask here.
/// </summary>
public static class AccessPolicy
{
    /// <summary>Who the journal says did it: the display name, as the API's actor is.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.FindFirstValue("name") ?? user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "studio";

    public static bool Is(ClaimsPrincipal user, params string[] roles) => RoleOf(user) is { } role && roles.Contains(role);

    /// <summary>Who sees a borough's statutory work.</summary>
    public static IReadOnlyList<string> BoroughViewers => Capabilities.Of(Capabilities.BoroughViews);

    /// <summary>A user's role (one per user).</summary>
    public static string? RoleOf(ClaimsPrincipal user) => StaffRoles.All.FirstOrDefault(user.IsInRole);

    /// <summary>
    /// The one rule of which pupils a user may see. API calls use it through the request's user; Studio pages, which
    /// run in a circuit without an HttpContext, pass the signed-in user of their authentication state.
    /// </summary>
    public static IQueryable<Pupil> PupilsFor(ClaimsPrincipal user, SendWorkflowDbContext db)
    {
        var school = user.FindFirstValue(StaffClaims.School);
        var borough = user.FindFirstValue(StaffClaims.Borough);
        var classes = user.FindAll(StaffClaims.Class).Select(c => c.Value).ToList();
        return RoleOf(user) switch
        {
            StaffRoles.Administrator => db.Pupils,
            StaffRoles.LaOfficer => db.Pupils.Where(p => db.Schools.Any(s => s.Id == p.SchoolId && s.BoroughId == borough)),
            StaffRoles.Senco or StaffRoles.Headteacher => db.Pupils.Where(p => p.SchoolId == school),
            StaffRoles.ClassTeacher or StaffRoles.TeachingAssistant =>
                db.Pupils.Where(p => p.SchoolId == school && p.ClassName != null && classes.Contains(p.ClassName)),
            _ => db.Pupils.Where(p => false),
        };
    }

    /// <summary>
    /// The pupils whose record an SEN audit team member may READ on <paramref name="today"/> (a UK date, from the caller's
    /// clock) beyond <see cref="PupilsFor"/>: those drawn for an audit held that day whose team they are on, as its LA
    /// officer or its visiting SENCo. That day only, never to change; nothing else of the school (its tasks, registers and
    /// programmes stay with <see cref="PupilsFor"/> and <see cref="InstancesFor"/>).
    /// </summary>
    public static IQueryable<string> AuditSampleFor(ClaimsPrincipal user, SendWorkflowDbContext db, DateOnly today)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = RoleOf(user);
        var officer = role == StaffRoles.LaOfficer;
        if (id is null || !(officer || role == StaffRoles.Senco)) return db.SenAuditSamples.Where(s => false).Select(s => s.PupilId);
        return db.SenAuditSamples
            .Where(s => db.SenAudits.Any(a => a.Id == s.AuditId && a.AuditOn == today && (officer ? a.OfficerId == id : a.VisitingSencoId == id)))
            .Select(s => s.PupilId);
    }

    /// <summary>
    /// Instances whose pupil the user may see; an LA officer sees only statutory work (the definitions that say they
    /// are statutory), the rest of a pupil's record staying with the school, and the statutory workflows of their
    /// borough's schools (the borough's monitoring of a school).
    /// </summary>
    public static IQueryable<WorkflowInstance> InstancesFor(ClaimsPrincipal user, SendWorkflowDbContext db, IReadOnlyCollection<string> statutory)
    {
        var pupils = PupilsFor(user, db).Select(p => p.Id);
        var role = RoleOf(user);
        if (role == StaffRoles.Administrator) return db.Instances.AsNoTracking();
        if (role == StaffRoles.LaOfficer)
        {
            // The borough's work on its schools (a school's workflow whose definition is statutory: the SEN audit, the
            // self-review with the educational psychologist) is the officer's as much as a pupil's assessment is.
            var borough = user.FindFirstValue(StaffClaims.Borough);
            var schools = db.Schools.Where(s => s.BoroughId == borough).Select(s => SchoolSubject.Prefix + s.Id);
            return db.Instances.AsNoTracking()
                .Where(i => (pupils.Contains(i.SubjectId) || schools.Contains(i.SubjectId)) && statutory.Contains(i.DefinitionId));
        }
        if (role == StaffRoles.EducationalPsychologist)
        {
            // The schools their borough assigned them: its statutory school workflows (the self-review), never a pupil's.
            var schools = EpSchoolsFor(user, db).Select(s => SchoolSubject.Prefix + s);
            return db.Instances.AsNoTracking().Where(i => schools.Contains(i.SubjectId) && statutory.Contains(i.DefinitionId));
        }
        // A school's own programmes are its staff's, whatever their role (the tasks in them go to the roles they name).
        var ownSchool = SchoolSubjectFor(user);
        return db.Instances.AsNoTracking().Where(i => pupils.Contains(i.SubjectId) || i.SubjectId == ownSchool);
    }

    /// <summary>
    /// Instances a user may COUNT, never name (the flow on the canvas, pupils per stage): their pupils' (<see cref="PupilsFor"/>:
    /// a SENCo their school's, an LA officer their borough's, whatever the definition), and the school programmes of their
    /// own school, or for an LA officer of their borough's schools.
    /// </summary>
    public static IQueryable<WorkflowInstance> CountableInstancesFor(ClaimsPrincipal user, SendWorkflowDbContext db)
    {
        if (RoleOf(user) == StaffRoles.Administrator) return db.Instances.AsNoTracking();
        var pupils = PupilsFor(user, db).Select(p => p.Id);
        if (RoleOf(user) == StaffRoles.LaOfficer)
        {
            var borough = user.FindFirstValue(StaffClaims.Borough);
            var schools = db.Schools.Where(s => s.BoroughId == borough).Select(s => SchoolSubject.Prefix + s.Id);
            return db.Instances.AsNoTracking().Where(i => pupils.Contains(i.SubjectId) || schools.Contains(i.SubjectId));
        }
        var ownSchool = SchoolSubjectFor(user);
        return db.Instances.AsNoTracking().Where(i => pupils.Contains(i.SubjectId) || i.SubjectId == ownSchool);
    }

    /// <summary>The schools an educational psychologist is assigned to by their own borough; none for other roles.</summary>
    public static IQueryable<string> EpSchoolsFor(ClaimsPrincipal user, SendWorkflowDbContext db)
    {
        var (id, borough) = (user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(StaffClaims.Borough));
        return RoleOf(user) == StaffRoles.EducationalPsychologist && id is not null && borough is not null
            ? db.EpAssignments.Where(a => a.UserId == id && a.BoroughId == borough).Select(a => a.SchoolId)
            : db.EpAssignments.Where(a => false).Select(a => a.SchoolId);
    }

    /// <summary>Whether the user may see the workflows of this school (its programmes): its own staff, and an administrator.</summary>
    public static bool SeesSchoolWork(ClaimsPrincipal user, string schoolId) =>
        RoleOf(user) == StaffRoles.Administrator || SchoolSubjectFor(user) == SchoolSubject.Of(schoolId);

    // The subject id of the user's own school's programmes; one no instance has for users who belong to no school.
    private static string SchoolSubjectFor(ClaimsPrincipal user) =>
        RoleOf(user) is { } role && StaffRoles.SchoolStaff.Contains(role) && user.FindFirstValue(StaffClaims.School) is { Length: > 0 } school
            ? SchoolSubject.Of(school)
            : "\u0000";

    /// <summary>
    /// Tasks of the instances the user may see. A task carries its school (its pupil's, which never changes), and the
    /// SENCo and headteacher, who see every pupil and programme of the school (<see cref="PupilsFor"/>), see exactly its
    /// tasks: their inbox then walks one index in its order and stops at the page, however many tasks the school has.
    /// </summary>
    public static IQueryable<WorkTask> TasksFor(ClaimsPrincipal user, SendWorkflowDbContext db, IReadOnlyCollection<string> statutory)
    {
        if (RoleOf(user) is StaffRoles.Senco or StaffRoles.Headteacher)
        {
            var school = user.FindFirstValue(StaffClaims.School) ?? "";
            return db.Tasks.AsNoTracking().Where(t => t.SchoolId == school);
        }
        // The others' tasks are found through their few pupils' and programmes' instances, by index.
        return db.Tasks.AsNoTracking().OfInstances(InstancesFor(user, db, statutory));
    }

    /// <summary>The school a school-wide user is limited to; null for an administrator.</summary>
    public static string? SchoolOf(ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Administrator) ? null : user.FindFirstValue(StaffClaims.School) ?? "";

    public static IEnumerable<string> SplitClasses(string? classes) =>
        (classes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

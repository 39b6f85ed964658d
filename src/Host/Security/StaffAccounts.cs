using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using SendWorkflow.Send.Demo;
using SendWorkflow.Send.Workspace;

namespace SendWorkflow.Host.Security;

/// <summary>The roles, and the demo school's staff: one account per role, each with its own generated password.</summary>
public sealed class StaffAccounts(IServiceScopeFactory scopes, IHostEnvironment env, ILogger<StaffAccounts> logger)
{
    public async Task EnsureRolesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    /// <summary>
    /// Creates the demo staff once, with the demo school. Their passwords are printed to the console in development
    /// only (never to the log); elsewhere an administrator sets them.
    /// </summary>
    public async Task SeedDemoStaffAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        (string Email, string Name, string Role, string? School, string? Borough, string? Classes)[] staff =
        [
            ("senco@oakfield.example", "Sam Patel (SENCo)", StaffRoles.Senco, DemoSeeder.SchoolId, null, null),
            ("teacher@oakfield.example", "Jo Brown (class teacher)", StaffRoles.ClassTeacher, DemoSeeder.SchoolId, null,
                $"{DemoSeeder.ClassOf(3)};{DemoSeeder.ClassOf(4)}"),
            ("ta@oakfield.example", "Alex Green (teaching assistant)", StaffRoles.TeachingAssistant, DemoSeeder.SchoolId, null,
                DemoSeeder.ClassOf(3)),
            ("head@oakfield.example", "Chris Moore (headteacher)", StaffRoles.Headteacher, DemoSeeder.SchoolId, null, null),
            ("governor@oakfield.example", "Pat Lee (governor)", StaffRoles.Governor, DemoSeeder.SchoolId, null, null),
            ("sen.governor@oakfield.example", "Robin Hale (SEN governor)", StaffRoles.SenGovernor, DemoSeeder.SchoolId, null, null),
            ("office@oakfield.example", "Dana Cole (admin support)", StaffRoles.AdminSupport, DemoSeeder.SchoolId, null, null),
            ("literacy@oakfield.example", "Kim Ross (literacy co-ordinator)", StaffRoles.SubjectLead, DemoSeeder.SchoolId, null, null),
            ("senco@westbrook.example", "Ravi Kaur (SENCo, Westbrook)", StaffRoles.Senco, DemoSeeder.SecondSchoolId, null, null),
            ("la.officer@demo-borough.example", "Morgan Shah (LA officer)", StaffRoles.LaOfficer, null, DemoSeeder.BoroughId, null),
            ("ep@demo-borough.example", "Jordan Reid (educational psychologist)", StaffRoles.EducationalPsychologist, null,
                DemoSeeder.BoroughId, null),
            ("admin@demo-borough.example", "Demo administrator", StaffRoles.Administrator, null, null, null),
        ];
        var printed = new List<string>();
        foreach (var (email, name, role, school, borough, classes) in staff)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var password = $"Demo-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
            var user = new StaffUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, SchoolId = school, BoroughId = borough,
                Classes = classes, CalendarSecret = CalendarFeeds.NewSecret(),
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            printed.Add($"  {role,-20} {email,-34} {password}");
        }
        await AssignDemoEpAsync(scope, users);
        if (printed.Count == 0) return;
        logger.LogInformation("Created {Count} demo staff accounts", printed.Count);
        if (env.IsDevelopment())
        {
            Console.WriteLine("Demo staff (sign in at /signin; these passwords are shown once, at first start):");
            foreach (var line in printed) Console.WriteLine(line);
        }
    }

    // The demo EP is the critical friend of every school of the demo borough that has none yet (their self-reviews).
    private static async Task AssignDemoEpAsync(AsyncServiceScope scope, UserManager<StaffUser> users)
    {
        if (await users.FindByEmailAsync("ep@demo-borough.example") is not { } ep) return;
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SendWorkflowDbContext>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync();
        var schools = await db.Schools.Where(s => s.BoroughId == DemoSeeder.BoroughId && !db.EpAssignments.Any(a => a.SchoolId == s.Id))
            .Select(s => s.Id).ToListAsync();
        foreach (var school in schools)
        {
            db.EpAssignments.Add(new EpAssignment
            {
                SchoolId = school, BoroughId = DemoSeeder.BoroughId, UserId = ep.Id, AssignedAt = now, AssignedBy = "demo",
            });
        }
        await db.SaveChangesAsync();
    }
}

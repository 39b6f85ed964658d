using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SendWorkflow.Persistence.Entities;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Persistence;

public sealed class SendWorkflowDbContext(DbContextOptions<SendWorkflowDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<DefinitionVersionRecord> DefinitionVersions => Set<DefinitionVersionRecord>();
    public DbSet<Borough> Boroughs => Set<Borough>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Pupil> Pupils => Set<Pupil>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<StatutoryExceptionRecord> StatutoryExceptions => Set<StatutoryExceptionRecord>();
    public DbSet<BoroughParametersRecord> BoroughParameters => Set<BoroughParametersRecord>();
    public DbSet<AuditEntryRecord> Audit => Set<AuditEntryRecord>();
    public DbSet<ProvisionRecord> Provisions => Set<ProvisionRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC and read back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<StaffUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.SchoolId).HasMaxLength(100);
            e.Property(x => x.BoroughId).HasMaxLength(100);
            e.Property(x => x.Classes).HasMaxLength(500);
            e.Property(x => x.CalendarSecret).HasMaxLength(100);
            e.HasIndex(x => x.CalendarSecret);
        });
        b.Entity<ProvisionRecord>(e =>
        {
            e.ToTable("Provisions");
            e.Property(x => x.Intervention).HasMaxLength(200);
            e.Property(x => x.EntryCriteria).HasMaxLength(1000);
            e.Property(x => x.ExitCriteria).HasMaxLength(1000);
            e.Property(x => x.DeliveredBy).HasMaxLength(200);
            e.Property(x => x.Impact).HasMaxLength(2000);
            e.HasIndex(x => x.PupilId);
            e.HasIndex(x => x.SchoolId);
        });
        b.Entity<AuditEntryRecord>(e =>
        {
            e.ToTable("Audit");
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.PupilId, x.At });
            e.HasIndex(x => new { x.UserId, x.At });
            e.HasIndex(x => new { x.SchoolId, x.At });
        });
        b.Entity<DefinitionVersionRecord>(e =>
        {
            e.ToTable("DefinitionVersions");
            e.HasKey(x => new { x.DefinitionId, x.Version });
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Json).HasMaxLength(4_000_000);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.DefinitionId, x.Status });
        });
        b.Entity<Borough>(e =>
        {
            e.ToTable("Boroughs");
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
        });
        b.Entity<School>(e =>
        {
            e.ToTable("Schools");
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne<Borough>().WithMany().HasForeignKey(x => x.BoroughId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Pupil>(e =>
        {
            e.ToTable("Pupils");
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.SchoolId);
            e.Property(x => x.ClassName).HasMaxLength(50);
            e.Property(x => x.PrimaryNeed).HasMaxLength(10);
        });
        b.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("Instances");
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LastProgress).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.PupilId);
            e.HasIndex(x => new { x.SchoolId, x.State });
            e.HasIndex(x => x.ParentInstanceId);
            // One active instance of a definition per pupil, even when two requests race.
            e.HasIndex(x => new { x.PupilId, x.DefinitionId }).IsUnique().HasFilter("\"Status\" = 'Active'").HasDatabaseName("UX_Instances_ActivePerPupil");
        });
        b.Entity<JournalEntry>(e =>
        {
            e.ToTable("Journal");
            e.HasIndex(x => new { x.InstanceId, x.Id });
            e.Property(x => x.Data).HasMaxLength(100_000);
        });
        b.Entity<WorkTask>(e =>
        {
            e.ToTable("Tasks");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.InstanceId, x.Status });
            e.HasIndex(x => new { x.SchoolId, x.Status, x.DueOn });
            e.HasIndex(x => new { x.PupilId, x.Status });
            e.HasIndex(x => new { x.Status, x.DueOn });
            e.HasIndex(x => new { x.Status, x.WarnOn });
            e.Property(x => x.EscalateTo).HasMaxLength(100);
        });
        b.Entity<WorkflowTimer>(e =>
        {
            e.ToTable("Timers");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => new { x.InstanceId, x.Status });
        });
        b.Entity<Milestone>(e =>
        {
            e.ToTable("Milestones");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.DefinitionId).HasMaxLength(100);
            e.Property(x => x.BoroughId).HasMaxLength(100);
            e.Property(x => x.PupilId).HasMaxLength(100);
            e.HasIndex(x => new { x.InstanceId, x.Name });
            e.HasIndex(x => new { x.BoroughId, x.Name, x.On });
        });
        b.Entity<StatutoryExceptionRecord>(e =>
        {
            e.ToTable("StatutoryExceptions");
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.BoroughId).HasMaxLength(100);
            e.Property(x => x.PupilId).HasMaxLength(100);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.BoroughId);
        });
        b.Entity<BoroughParametersRecord>(e =>
        {
            e.ToTable("BoroughParameters");
            e.HasKey(x => new { x.BoroughId, x.Version });
            e.Property(x => x.BoroughId).HasMaxLength(100);
            e.Property(x => x.ChangedBy).HasMaxLength(200);
            e.Property(x => x.Json).HasMaxLength(100_000);
        });
    }
}

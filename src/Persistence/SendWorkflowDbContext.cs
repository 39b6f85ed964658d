using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SendWorkflow.Persistence.Sqlite;

namespace SendWorkflow.Persistence;

public sealed class SendWorkflowDbContext(DbContextOptions<SendWorkflowDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<DefinitionVersionRecord> DefinitionVersions => Set<DefinitionVersionRecord>();
    public DbSet<Borough> Boroughs => Set<Borough>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Pupil> Pupils => Set<Pupil>();
    public DbSet<PupilImportRecord> PupilImports => Set<PupilImportRecord>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<StatutoryExceptionRecord> StatutoryExceptions => Set<StatutoryExceptionRecord>();
    public DbSet<BoroughParametersRecord> BoroughParameters => Set<BoroughParametersRecord>();
    public DbSet<AuditEntryRecord> Audit => Set<AuditEntryRecord>();
    public DbSet<ProvisionRecord> Provisions => Set<ProvisionRecord>();
    public DbSet<IpmTarget> Targets => Set<IpmTarget>();
    public DbSet<ParentLinkRecord> ParentLinks => Set<ParentLinkRecord>();
    public DbSet<ProgrammeRecord> Programmes => Set<ProgrammeRecord>();
    public DbSet<ActionPlanItem> ActionPlan => Set<ActionPlanItem>();
    public DbSet<CpdAuditAnswer> CpdAudit => Set<CpdAuditAnswer>();
    public DbSet<SenAuditRecord> SenAudits => Set<SenAuditRecord>();
    public DbSet<SenAuditSample> SenAuditSamples => Set<SenAuditSample>();
    public DbSet<SelfReviewRecord> SelfReviews => Set<SelfReviewRecord>();
    public DbSet<SelfReviewLevel> SelfReviewLevels => Set<SelfReviewLevel>();
    public DbSet<SelfReviewDimension> SelfReviewDimensions => Set<SelfReviewDimension>();
    public DbSet<WorkPlanLine> WorkPlanLines => Set<WorkPlanLine>();
    public DbSet<EpAssignment> EpAssignments => Set<EpAssignment>();
    public DbSet<SenAllocation> SenAllocations => Set<SenAllocation>();
    public DbSet<SenBudgetReturn> SenBudgetReturns => Set<SenBudgetReturn>();
    public DbSet<SenInformationText> SenInformationTexts => Set<SenInformationText>();
    public DbSet<SavedInboxFilter> SavedInboxFilters => Set<SavedInboxFilter>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<MediationCertificate> MediationCertificates => Set<MediationCertificate>();
    public DbSet<ClockState> Clock => Set<ClockState>();
    public DbSet<HealthProbe> Health => Set<HealthProbe>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<PupilMigrationRecord> PupilMigrations => Set<PupilMigrationRecord>();
    public DbSet<PupilMigrationItem> PupilMigrationItems => Set<PupilMigrationItem>();
    public DbSet<PlayScenarioRecord> PlayScenarios => Set<PlayScenarioRecord>();

    /// <summary>Saves; a full or read-only disk comes out as <see cref="StorageUnavailableException"/> (503 at the API).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (Exception ex) when (SqliteStorageErrors.Classify(ex, DatabaseFile) is { } unavailable && !ReferenceEquals(unavailable, ex))
        {
            throw unavailable;
        }
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (Exception ex) when (SqliteStorageErrors.Classify(ex, DatabaseFile) is { } unavailable && !ReferenceEquals(unavailable, ex))
        {
            throw unavailable;
        }
    }

    private string? DatabaseFile => Database.IsSqlite() ? Database.GetDbConnection().DataSource : null;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC and read back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
        if (Database.IsSqlite()) configurationBuilder.Properties<Guid>().HaveConversion<GuidBytes.Converter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // One configuration per entity, in Configurations/.
        builder.ApplyConfigurationsFromAssembly(typeof(SendWorkflowDbContext).Assembly);
        if (Database.ProviderName == PostgresProvider) TextWithoutLimits(builder);
        if (Database.IsSqlite())
        {
            RowidKeys(builder);
            ChainedJournal(builder);
        }
    }

    /// <summary>
    /// On SQLite an instance's journal is found through a chain of its entries, not an index by instance
    /// (<see cref="JournalChain"/>): the two columns of the chain, the trigger that keeps it for inserts from outside the
    /// writer (EF Core then reads a new row's number back without <c>RETURNING</c>), and an index of the moves between
    /// states only, which the flow reports read for many instances at once.
    /// </summary>
    private static void ChainedJournal(ModelBuilder builder)
    {
        var journal = builder.Entity<JournalEntry>();
        var byInstance = journal.Metadata.GetIndexes().Single(i => i.Properties.Select(p => p.Name)
            .SequenceEqual([nameof(JournalEntry.InstanceId), nameof(JournalEntry.Id)]));
        journal.Metadata.RemoveIndex(byInstance);
        journal.Property<long?>(JournalChain.Previous);
        journal.HasIndex(x => x.InstanceId).HasFilter(JournalChain.MovesFilter).HasDatabaseName(JournalChain.MovesIndex);
        journal.ToTable(t => t.HasTrigger(JournalChain.Trigger));
        builder.Entity<WorkflowInstance>().Property<long?>(JournalChain.Head);
    }

    /// <summary>
    /// The journal's and the milestones' numbers are SQLite's own row numbers (<c>INTEGER PRIMARY KEY</c>), not
    /// <c>AUTOINCREMENT</c>, which EF Core gives an integer key unless told otherwise. AUTOINCREMENT keeps each table's
    /// highest number in <c>sqlite_sequence</c>, read and written by every insert and written to the log by every commit
    /// that inserts: a quarter of a journal row's insert (2.5 to 2.7 us against 3.4 to 3.8 us, in a replayed simulated
    /// year). It only differs where the newest rows are deleted, whose numbers a row number would give again; neither
    /// table has a row deleted, ever.
    /// </summary>
    private static void RowidKeys(ModelBuilder builder)
    {
        builder.Entity<JournalEntry>().Property(x => x.Id).Metadata.SetValueGenerationStrategy(SqliteValueGenerationStrategy.None);
        builder.Entity<Milestone>().Property(x => x.Id).Metadata.SetValueGenerationStrategy(SqliteValueGenerationStrategy.None);
    }

    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// On PostgreSQL every string is <c>text</c>, as it is on SQLite: the lengths above document the fields (and bound the
    /// forms that edit them) but the database enforces none, so a row SQLite accepts PostgreSQL accepts too.
    /// </summary>
    private static void TextWithoutLimits(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if ((property.GetValueConverter()?.ProviderClrType ?? property.ClrType) == typeof(string)) property.SetColumnType("text");
        }
    }
}

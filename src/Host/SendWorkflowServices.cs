using Microsoft.Data.Sqlite;
using SendWorkflow.Host.Email;
using SendWorkflow.Host.Endpoints;
using SendWorkflow.Host.Health;
using SendWorkflow.Host.Parents;
using SendWorkflow.Host.Timers;
using SendWorkflow.Send.Calendars;
using SendWorkflow.Send.Clock;
using SendWorkflow.Send.Definitions;
using SendWorkflow.Send.Demo;
using SendWorkflow.Send.Play;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host;

public static class SendWorkflowServices
{
    /// <summary>Registers the clock, persistence, definitions, calendars and the runtime.</summary>
    public static IServiceCollection AddSendWorkflow(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var paths = new SendWorkflowPaths(config, env);
        services.AddSingleton(paths);
        services.AddClock(config);
        var database = Database(config, paths);
        services.AddPersistence(database);
        // First of the hosted services: Quartz's store and the start-up tasks need the database.
        services.AddSingleton<DatabaseStartupGate>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartupGate>());
        if (database.Provider == DatabaseProvider.Sqlite) services.AddSingleton(_ => new SqliteHostLock(database.Describe()));
        services.AddTimers(config.GetSection("Clock").Get<ClockOptions>() ?? new ClockOptions(), database, config);
        services.AddSecurity();
        services.AddHealth();
        services.AddSingleton<SendWorkflow.Send.Statutory.BoroughTimelines>();
        services.AddSingleton<SendWorkflow.Send.Statutory.StatutoryExceptions>();
        services.AddSingleton<SendWorkflow.Send.Statutory.ComplianceReports>();
        services.AddSingleton<SendWorkflow.Send.Statutory.Appeals>();
        services.AddSingleton<SendWorkflow.Send.Workspace.PupilRecords>();
        services.AddSingleton<SendWorkflow.Send.Workspace.ProvisionMap>();
        services.AddSingleton<SendWorkflow.Send.Ipm.IpmTargets>();
        services.AddSingleton<SendWorkflow.Send.LineManagement.LineManagementView>();
        services.AddSingleton<SendWorkflow.Send.Workspace.SchoolViews>();
        services.AddSingleton<SendWorkflow.Send.Workspace.Inbox>();
        services.AddSingleton<SendWorkflow.Send.WorkQueues.TaskQueues>();
        services.AddSingleton<SendWorkflow.Send.WorkQueues.TaskAssignments>();
        services.AddSingleton<SendWorkflow.Send.WorkQueues.SavedFilters>();
        services.AddSingleton<SendWorkflow.Send.Workspace.CalendarFeeds>();
        services.AddSingleton<SendWorkflow.Send.Statutory.BoroughViews>();
        services.AddSingleton<SendWorkflow.Send.AnnualReviews.AnnualReviewMonitor>();
        services.AddSingleton<SendWorkflow.Send.Overview.BoroughOverviews>();
        services.AddPathwayFlow();
        services.AddSingleton<SendWorkflow.Send.Cases.Cases>();
        services.AddSingleton<SendWorkflow.Send.Cases.Explanations>();
        services.AddSingleton<SendWorkflow.Send.Programmes.Programmes>();
        services.AddSingleton<SendWorkflow.Send.ParentMeetings.ParentMeetings>();
        services.AddSingleton<SendWorkflow.Send.ParentLinks.ParentLinks>();
        services.AddSingleton<SendWorkflow.Send.ParentLinks.ParentVoice>();
        services.AddSingleton<ParentPageLimits>();
        services.AddSingleton<SendWorkflow.Send.ActionPlans.ActionPlans>();
        services.AddSingleton<SendWorkflow.Send.SenAudits.SenAuditViews>();
        services.AddSingleton<SendWorkflow.Send.SenAudits.SenAudits>();
        services.AddSingleton<SendWorkflow.Send.Transition.TransitionPacks>();
        services.AddSingleton<SendWorkflow.Send.Reports.GovernorReports>();
        services.AddSingleton<SendWorkflow.Send.Funding.SenFunding>();
        services.AddCpdAudit(paths.Definitions);
        services.AddSelfReview(paths.Definitions);
        services.AddSingleton<SendWorkflow.Send.Reports.SenInformation.SenInformationReports>();
        services.AddSingleton<SendWorkflow.Send.Pupils.PupilDirectory>();
        services.AddSingleton<SendWorkflow.Send.Pupils.MisImport.PupilImports>();
        services.AddSingleton<SendWorkflow.Send.Clock.StoredClock>();
        services.AddSingleton<DefinitionCatalog>();
        services.AddSingleton<IDefinitionCatalog>(sp => sp.GetRequiredService<DefinitionCatalog>());
        services.AddSingleton<DefinitionService>();
        services.AddPlay();
        services.AddSingleton<CalendarRegistry>();
        services.AddSingleton<ICalendarProvider>(sp => sp.GetRequiredService<CalendarRegistry>());
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService<StartupTasks>();
        // After the start-up tasks: a restart's unsent reminders need the migrated database.
        services.AddReminderEmails(config);
        services.AddPupilMigrations(config);
        return services;
    }

    public static IServiceCollection AddClock(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Clock").Get<ClockOptions>() ?? new ClockOptions();
        if (!options.IsSimulated && !string.Equals(options.Mode, "System", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Clock:Mode must be System or Simulated, not '{options.Mode}'.");
        services.AddSingleton(options);
        if (options.IsSimulated)
        {
            var start = options.Start is { } date ? UkTime.StartOf(date).AddHours(8) : TimeProvider.System.GetUtcNow();
            services.AddSingleton<TimeProvider>(new SimulatedTimeProvider(start));
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }
        return services;
    }

    /// <summary>
    /// The database from <c>Database__Provider</c> and <c>ConnectionStrings__SendWorkflow</c>; a relative SQLite file is under
    /// the repository root (or the published folder).
    /// </summary>
    /// <exception cref="DatabaseSettingsException">The settings cannot work (the message says what to change).</exception>
    public static DatabaseSettings Database(IConfiguration config, SendWorkflowPaths paths)
    {
        var settings = DatabaseSettings.Parse(
            config["Database:Provider"], config.GetConnectionString("SendWorkflow"), config["Database:WalLimitMiB"]);
        return settings.Provider == DatabaseProvider.Sqlite
            ? settings with { ConnectionString = SqliteFile(settings.ConnectionString, paths) }
            : settings;
    }

    private static string SqliteFile(string connectionString, SendWorkflowPaths paths)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.Combine(paths.Root, builder.DataSource);
        if (builder.DataSource != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        builder.Pooling = true;
        return builder.ToString();
    }

    public static WebApplication MapSendWorkflowApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapHealthApi();
        api.MapAuthApi();
        api.MapAuditApi();
        api.MapInboxApi();
        api.MapSchoolViewsApi();
        api.MapProgrammesApi();
        api.MapParentMeetingsApi();
        api.MapParentLinksApi();
        api.MapActionPlanApi();
        api.MapSenAuditsApi();
        api.MapGovernorReportApi();
        api.MapCpdAuditApi();
        api.MapSelfReviewApi();
        api.MapFundingApi();
        api.MapSenInformationApi();
        api.MapPupilRecordApi();
        api.MapDefinitionsApi();
        api.MapMigrationsApi();
        api.MapPlayApi();
        api.MapDirectoryApi();
        api.MapPupilImportsApi();
        api.MapInstancesApi();
        api.MapTasksApi();
        api.MapSettingsApi();
        api.MapClockApi();
        api.MapStatutoryApi();
        api.MapAnnualReviewsApi();
        api.MapBoroughOverviewApi();
        api.MapFlowApi();
        // The page a parent's link opens: outside /api, a page without sign-in.
        app.MapParentPage();
        return app;
    }
}

using Microsoft.Data.Sqlite;
using Quartz;
using SendWorkflow.Send.Clock;
using SendWorkflow.Workflows.Stores;
using SendWorkflow.Workflows.Timers;

namespace SendWorkflow.Host.Timers;

public static class TimerServices
{
    /// <summary>
    /// The timer rows are the truth; Quartz holds the dispatcher's schedule (every few seconds) and the daily
    /// deadline round (07:00 Europe/London), in a persistent store. Quartz's tables live in a second SQLite file
    /// beside the service's database, so its lock polling never contends with the runtime's writer (Quartz #2323).
    /// On PostgreSQL Quartz's tables are in the service's database and Quartz runs clustered: with several hosts, each
    /// schedule fires on one of them, and another takes over when one stops.
    /// In simulated mode there is no Quartz: the clock only moves when told, and the simulated clock fires what falls due.
    /// </summary>
    public static IServiceCollection AddTimers(this IServiceCollection services, ClockOptions clock, DatabaseSettings database, IConfiguration config)
    {
        services.AddSingleton<TimerDispatcher>();
        services.AddSingleton<DeadlineSweeper>();
        services.AddSingleton<SendWorkflow.Send.Pupils.YearGroups>();
        services.AddSingleton<SendWorkflow.Send.Clock.DailyRound>();
        services.AddSingleton<DispatcherStatus>();
        var interval = TimeSpan.FromSeconds(config.GetValue("Timers:DispatchSeconds", 5.0));
        services.AddSingleton(new DispatcherSchedule(clock.IsSimulated ? null : interval));
        if (clock.IsSimulated)
        {
            services.AddSingleton(sp => new SimulatedClock(
                (SimulatedTimeProvider)sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ITimerQueries>(),
                sp.GetRequiredService<TimerDispatcher>(), sp.GetRequiredService<SendWorkflow.Send.Clock.DailyRound>(),
                sp.GetRequiredService<StoredClock>(), sp.GetRequiredService<ClusterLock>()));
            // Several hosts share the clock through the database: each request first catches up with where it stands.
            if (database.Provider == DatabaseProvider.Postgres) services.AddSingleton<IStartupFilter, SharedClockFilter>();
            return services;
        }

        services.AddQuartz("sendworkflow", q =>
        {
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    // One scheduler name for the whole cluster; clustering gives each host an id of its own.
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                }
                else
                {
                    store.UseSqlite(QuartzConnectionString(database.ConnectionString));
                }
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                // The store's misfire handler and cluster manager are real threads, in the foreground by default: a host
                // stopped while one of them waits out its interval would keep the process alive after Main returns.
                store.ConfigureStore(o => o.UseBackgroundThreads = true);
            });
            q.AddJob<DispatchTimersJob>(j => j.WithIdentity(DispatchTimersJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(DispatchTimersJob.Key).WithIdentity("dispatch-timers-every-few-seconds", "sendworkflow")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<DeadlineSweepJob>(j => j.WithIdentity(DeadlineSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(DeadlineSweepJob.Key).WithIdentity("deadline-sweep-daily-0700-london", "sendworkflow")
                .WithCronSchedule("0 0 7 * * ?",
                    c => c.InTimeZone(UkTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            // Once at start-up too: what went overdue while the service was down is escalated now, not tomorrow.
            q.AddTrigger(t => t.ForJob(DeadlineSweepJob.Key).WithIdentity("deadline-sweep-at-start-up", "sendworkflow").StartNow());
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static string QuartzConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        builder.DataSource = Path.Combine(Path.GetDirectoryName(file) ?? ".",
            Path.GetFileNameWithoutExtension(file) + ".quartz" + Path.GetExtension(file));
        return builder.ToString();
    }
}

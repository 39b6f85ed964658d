using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
using SendWorkflow.Send.Workspace;
namespace SendWorkflow.Host.Workspace;

/// <summary>The services behind the Studio's workspace pages (inbox, pupil record, school and borough views, calendar).</summary>
public static class WorkspacePages
{
    public static IServiceCollection AddWorkspacePages(this IServiceCollection services) => services
        .AddSingleton<TaskDesk>()
        .AddSingleton<PupilDesk>()
        .AddSingleton<SchoolDesk>()
        .AddSingleton<BoroughDesk>()
        .AddSingleton<CalendarDesk>();
}

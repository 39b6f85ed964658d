using SendWorkflow.Send.Access;
using SendWorkflow.Send.Audit;
using SendWorkflow.Send.Problems;
namespace SendWorkflow.Host.Security;

public static class RoleFilter
{
    /// <summary>Lets only these roles through (403 for the rest, audited).</summary>
    public static RouteHandlerBuilder RequireStaffRole(this RouteHandlerBuilder builder, string what, params string[] roles) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.RequestServices.GetRequiredService<StaffScope>().RequireRole(what, roles);
            return await next(context);
        });
}

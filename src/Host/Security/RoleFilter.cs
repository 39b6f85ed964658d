namespace SendWorkflow.Host.Security;

public static class RoleFilter
{
    /// <summary>Lets only the capability's roles through (403 for the rest, audited).</summary>
    public static RouteHandlerBuilder RequireStaffRole(this RouteHandlerBuilder builder, string what, string capability) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            await context.HttpContext.RequestServices.GetRequiredService<StaffScope>().RequireAsync(what, capability);
            return await next(context);
        });
}

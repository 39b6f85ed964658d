using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SendWorkflow.Host.Security;

/// <summary>Puts where a member of staff works, and their classes, into their sign-in, so scoping needs no lookup.</summary>
public sealed class StaffPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.SchoolId is { } school) identity.AddClaim(new Claim(StaffClaims.School, school));
        if (user.BoroughId is { } borough) identity.AddClaim(new Claim(StaffClaims.Borough, borough));
        foreach (var c in AccessPolicy.SplitClasses(user.Classes)) identity.AddClaim(new Claim(StaffClaims.Class, c));
        return identity;
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SendWorkflow.Host.Security;

/// <summary>
/// The bootstrap administrator: a bearer token given in the environment variable SENDWF_API_TOKEN, for automation
/// and for setting up the first accounts. Without the variable nothing authenticates this way.
/// </summary>
public sealed class BootstrapTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IConfiguration config) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "bootstrap";
    public const string UserId = "bootstrap";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (token is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (!Matches(config, token)) return Task.FromResult(AuthenticateResult.Fail("The token is not valid."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, UserId), new Claim(ClaimTypes.Name, "bootstrap administrator"),
             new Claim("name", "Bootstrap administrator"), new Claim(ClaimTypes.Role, StaffRoles.Administrator)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Compares in constant time, so the token can't be guessed a character at a time.</summary>
    public static bool Matches(IConfiguration config, string token) =>
        config["SENDWF_API_TOKEN"] is { Length: >= 16 } expected
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(token));
}

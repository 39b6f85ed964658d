using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SendWorkflow.Send.ParentLinks;

/// <summary>
/// A link's token: 256 bits from the operating system's CSPRNG, written base64url (43 characters, safe in a path). The
/// database keeps only its SHA-256: with that much randomness a fast hash is enough (nobody can guess back through it),
/// and a stolen database holds no working link.
/// </summary>
public static class ParentLinkTokens
{
    private const int Bytes = 32;

    /// <summary>How long a token is, written.</summary>
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The token's SHA-256 as lower-case hex, as it is stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the text could be a token at all: anything else is refused without a look in the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

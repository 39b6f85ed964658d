namespace SendWorkflow.Send.ParentLinks;

/// <summary>What became of a link: still open, used (answered), expired unused, or revoked by staff.</summary>
public static class ParentLinkStates
{
    public const string Open = "open";
    public const string Used = "used";
    public const string Expired = "expired";
    public const string Revoked = "revoked";

    public static string Of(ParentLinkRecord link, DateTime now) =>
        link.UsedAt is not null ? Used
        : link.RevokedAt is not null ? Revoked
        : now >= link.ExpiresAt ? Expired
        : Open;
}

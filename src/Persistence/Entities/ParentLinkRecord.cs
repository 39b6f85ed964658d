namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// A link a member of staff made for a pupil's parent to answer one form without an account. Only the SHA-256 hash of
/// its random token is kept, so the database never holds a working link. It works once, until it expires or is revoked;
/// using it and the answer it brings commit together, guarded by <see cref="Revision"/>.
/// </summary>
public sealed class ParentLinkRecord
{
    public Guid Id { get; set; }
    public string PupilId { get; set; } = "";
    public string SchoolId { get; set; } = "";

    /// <summary>The form the parent is asked (e.g. <c>parent-voice</c>).</summary>
    public string Form { get; set; } = "";

    /// <summary>The open task the answer completes, when the link was made for one.</summary>
    public Guid? TaskId { get; set; }

    /// <summary>The token's SHA-256, lower-case hex: how a link is found, never how it is made again.</summary>
    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>Moves on with every change; using or revoking the link lands only on the revision it was read at.</summary>
    public int Revision { get; set; }
}

namespace SendWorkflow.Send.ParentLinks;

/// <summary>A link to make for a pupil's parent: the form they answer, and optionally the open task their answer completes.</summary>
public sealed record ParentLinkRequest(string? Form, Guid? TaskId = null);

/// <summary>A link just made: its address, shown once (only its hash is kept), and until when it works.</summary>
public sealed record CreatedParentLink(Guid Id, string Url, DateTimeOffset ExpiresAt, ParentLinkDto Link);

/// <summary>
/// A link as staff see it afterwards: who made it and when, its form and task, until when it works, what became of it
/// (<c>open</c>, <c>used</c>, <c>expired</c> or <c>revoked</c>) and, once used, the parent's answer. Never its token.
/// </summary>
public sealed record ParentLinkDto(Guid Id, string PupilId, string Form, Guid? TaskId, string? TaskTitle, DateTimeOffset CreatedAt,
    string CreatedBy, DateTimeOffset ExpiresAt, string State, DateTimeOffset? UsedAt, DateTimeOffset? RevokedAt, string? RevokedBy,
    ParentAnswer? Answer);

/// <summary>What a parent answers on the parent voice form.</summary>
public sealed record ParentAnswer(string? ParentViews, string? TargetComments, string? CanMeet);

/// <summary>An open task of the pupil's that a link may complete.</summary>
public sealed record LinkableTask(Guid Id, string Title, DateOnly DueOn);

/// <summary>What the parent's page may show: the child's first name and the school's name, nothing else of the record.</summary>
public sealed record ParentPage(string FirstName, string SchoolName, DateTimeOffset ExpiresAt);

/// <summary>Where a parent's request came from, for the audit log (the link's token never goes there).</summary>
public sealed record ParentVisit(string Method, string? Address);

/// <summary>The record's panel: the pupil's links, and the open tasks a new link may complete for whoever is looking.</summary>
public sealed record ParentLinksView(IReadOnlyList<ParentLinkDto> Links, IReadOnlyList<LinkableTask> Tasks);

namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// The educational psychologist the borough assigns to one of its schools: the school's critical friend for its annual
/// self-review (seed 001). One per school; assigning another replaces them.
/// </summary>
public sealed class EpAssignment
{
    public string SchoolId { get; set; } = "";
    public string BoroughId { get; set; } = "";
    /// <summary>The EP's account (a member of staff of the role educational-psychologist, of the same borough).</summary>
    public string UserId { get; set; } = "";
    public DateTime AssignedAt { get; set; }
    public string AssignedBy { get; set; } = "";
}

using Microsoft.AspNetCore.Identity;

namespace SendWorkflow.Persistence.Entities;

/// <summary>A member of staff who signs in: where they work, and for teachers and TAs, their classes.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The school they work at (school staff and governors).</summary>
    public string? SchoolId { get; set; }
    /// <summary>The borough they work for (LA officers).</summary>
    public string? BoroughId { get; set; }
    /// <summary>The classes a class teacher or TA works with, separated by semicolons, e.g. "3 Oak;4 Ash".</summary>
    public string? Classes { get; set; }
    /// <summary>The secret in their calendar feed's address; resetting it cuts off every old subscription.</summary>
    public string CalendarSecret { get; set; } = "";
    /// <summary>They turned the morning digest email off (escalations still reach them).</summary>
    public bool DigestOff { get; set; }
}

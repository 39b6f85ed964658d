namespace SendWorkflow.Send.ParentMeetings;

/// <summary>A meeting with a pupil's parents: the day its record was completed, and the term that counts it.</summary>
public sealed record MeetingHeld(Guid TaskId, DateOnly On, string Term);

/// <summary>A pupil on SEN support now, with their parents' meetings this academic year.</summary>
public sealed record ParentMeetingRow(string PupilId, string Name, string? ClassName, int? Stage, IReadOnlyList<MeetingHeld> Meetings,
    bool MetThisTerm, int MeetingsThisYear);

/// <summary>
/// The SENCo's view of meetings with parents (SEND Code of Practice 6.65: at least three a year, one a term): for an
/// academic year and its current term, every pupil on SEN support, those whose parents have not been met this term first.
/// </summary>
public sealed record ParentMeetingsView(string SchoolId, string AcademicYear, string Term, DateOnly TermFrom, DateOnly TermTo,
    int NotMetThisTerm, int NotMetThisYear, IReadOnlyList<ParentMeetingRow> Pupils);

/// <summary>A parents' letter as a file.</summary>
public sealed record ParentMeetingLetterFile(string FileName, byte[] Pdf);

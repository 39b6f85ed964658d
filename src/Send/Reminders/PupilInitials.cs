namespace SendWorkflow.Send.Reminders;

/// <summary>
/// How an email names a pupil: the first letters of their first and last names ("Zebedee Quillfeather" is "Z.Q."), never the
/// name. An email leaves the service's care (forwarded, synced to phones), and a SEND record is special category data.
/// </summary>
public static class PupilInitials
{
    public static string Of(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.FirstOrDefault(char.IsLetter)).Where(c => c != default).ToList();
        return parts.Count switch
        {
            0 => "?",
            1 => $"{char.ToUpperInvariant(parts[0])}.",
            _ => $"{char.ToUpperInvariant(parts[0])}.{char.ToUpperInvariant(parts[^1])}.",
        };
    }
}

namespace SendWorkflow.Host.Security;

/// <summary>Where to go after signing in: a path on this site, or the home page.</summary>
public static class ReturnPath
{
    /// <summary>
    /// The path if it can only mean this site; otherwise "/". Browsers read "//host", "/\host" and "/\t/host" (they drop
    /// tabs and newlines, and treat a backslash as a slash) as another site, so a path may not start with two slashes of
    /// either kind, nor hold a control character or a backslash anywhere.
    /// </summary>
    public static string Safe(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 } r && r[0] == '/' && (r.Length == 1 || r[1] is not ('/' or '\\'))
            && !r.Any(c => char.IsControl(c) || c == '\\') && Uri.TryCreate(r, UriKind.Relative, out _)
            ? r
            : "/";
}

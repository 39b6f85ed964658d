using System.Globalization;

namespace SendWorkflow.Host.Commands;

/// <summary>Options of the command-line verbs: "--name value".</summary>
internal static class BenchArgs
{
    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback, int min = 1) =>
        int.TryParse(Text(args, name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min ? v : fallback;
}

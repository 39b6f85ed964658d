using System.Globalization;

namespace SendWorkflow.Send.Ipm;

/// <summary>
/// How a review scores a target, on the five-point scale SENCos know from Provision Map: -2 (worse than when the
/// target was set) to +2 (exceeded). A review's progress is read from its scores: their mean, rounded to the
/// nearest point, gives none (-2 or -1), little (0), expected (+1) or good (+2).
/// </summary>
public static class TargetScale
{
    /// <summary>The scores as the form offers them.</summary>
    public static readonly IReadOnlyList<string> Choices = ["-2", "-1", "0", "+1", "+2"];

    /// <summary>What an intervention's half-termly measure of impact may say.</summary>
    public static readonly IReadOnlyList<string> ImpactLevels = ["no impact", "some impact", "good impact", "exit criteria met"];

    /// <summary>The field of a target's score, and of its note, in a review's form.</summary>
    public const string ScorePrefix = "score.", NotePrefix = "scoreNote.", ImpactPrefix = "impact.";

    /// <summary>The field that holds the progress the scores gave, kept with the review's form in the journal.</summary>
    public const string FromTargets = "progressFromTargets";

    /// <summary>Why the teacher recorded a progress other than the scores gave.</summary>
    public const string Reason = "progressReason";

    public static string Words(int score) => score switch
    {
        -2 => "worse than when it was set",
        -1 => "no progress",
        0 => "some progress",
        1 => "achieved",
        _ => "exceeded",
    };

    public static string Label(int score) => $"{Show(score)} {Words(score)}";

    public static string Show(int score) => score > 0 ? $"+{score}" : score.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out int score) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out score) && score is >= -2 and <= 2;

    /// <summary>The progress a review's scores give; null when there are none.</summary>
    public static string? Progress(IReadOnlyCollection<int> scores)
    {
        if (scores.Count == 0) return null;
        var mean = Math.Round(scores.Average(), MidpointRounding.AwayFromZero);
        return mean switch
        {
            <= -1 => "none",
            0 => "little",
            1 => "expected",
            _ => "good",
        };
    }
}

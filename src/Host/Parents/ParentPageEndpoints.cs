using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SendWorkflow.Send.ParentLinks;

namespace SendWorkflow.Host.Parents;

/// <summary>
/// The page a parent's link opens, <c>/parent/{token}</c>: no sign-in, a plain server-rendered form with its antiforgery
/// token, under the host's Content-Security-Policy. Rate limited before anything else (<see cref="ParentPageLimits"/>);
/// a used, expired, revoked or unknown link gets the same page and status (404), which says only that it can no longer
/// be used. Bad input shows the form again with every problem (400), and nothing is recorded. The work is
/// <see cref="ParentVoice"/>'s.
/// </summary>
public static class ParentPageEndpoints
{
    /// <summary>The three boxes at their longest, in any script, as a form encodes them, with room to spare.</summary>
    public const long MaxRequestBytes = 128 * 1024;

    public static IEndpointRouteBuilder MapParentPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(ParentVoice.Route, ShowAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(ParentVoice.Route, SendAsync).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes), new RequestFormLimitsAttribute { ValueCountLimit = 20 });
        return app;
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext http, ParentVoice voice, ParentPageLimits limits,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        if (limits.Refuse(token, Address(http)) is { } wait) return TooMany(http, wait);
        var page = await voice.OpenAsync(token, new ParentVisit("GET", Address(http)), ct);
        return page is null ? Refused() : Form(http, antiforgery, page, null, [], StatusCodes.Status200OK);
    }

    private static async Task<IResult> SendAsync(string token, HttpContext http, ParentVoice voice, ParentPageLimits limits,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        if (limits.Refuse(token, Address(http)) is { } wait) return TooMany(http, wait);
        var (answer, unread) = await ReadAsync(http, ct);
        if (unread is not null || !await antiforgery.IsRequestValidAsync(http))
        {
            // Nothing is sent on: the form again, with a fresh token, if the link can still be used.
            var page = await voice.OpenAsync(token, new ParentVisit("POST", Address(http)), ct);
            var problem = new Problem(unread ?? "The form had expired (or was not sent from this page). Please check your answer and send it again.");
            return page is null ? Refused() : Form(http, antiforgery, page, answer, [problem], StatusCodes.Status400BadRequest);
        }
        var sent = await voice.SubmitAsync(token, answer, new ParentVisit("POST", Address(http)), ct);
        return sent.Outcome switch
        {
            ParentSubmissionOutcome.Recorded => Page(new() { [nameof(ParentVoicePage.Mode)] = ParentPageMode.Thanks,
                [nameof(ParentVoicePage.Page)] = sent.Page }, StatusCodes.Status200OK),
            ParentSubmissionOutcome.Invalid => Form(http, antiforgery, sent.Page!, answer, sent.Problems, StatusCodes.Status400BadRequest),
            _ => Refused(),
        };
    }

    // The boxes of the form; a body that isn't a form, or is too large, is a problem to show (nothing is recorded).
    private static async Task<(ParentAnswer Answer, string? Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var empty = new ParentAnswer(null, null, null);
        if (!http.Request.HasFormContentType) return (empty, "Please send your answer with the form below.");
        try
        {
            var form = await http.Request.ReadFormAsync(ct);
            string? One(string name) => form.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;
            return (new ParentAnswer(One("parentViews"), One("targetComments"), One("canMeet")), null);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return (empty, string.Create(CultureInfo.GetCultureInfo("en-GB"),
                $"Your answer was too long to send (the form takes up to {MaxRequestBytes / 1024:N0} KB). Please shorten it and send it again."));
        }
    }

    private static RazorComponentResult<ParentVoicePage> Form(HttpContext http, IAntiforgery antiforgery, ParentPage page, ParentAnswer? answer,
        IReadOnlyList<Problem> problems, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Page(new()
        {
            [nameof(ParentVoicePage.Mode)] = ParentPageMode.Form, [nameof(ParentVoicePage.Page)] = page,
            [nameof(ParentVoicePage.Fields)] = ParentForms.Fields(page.FirstName), [nameof(ParentVoicePage.Answer)] = answer,
            [nameof(ParentVoicePage.Problems)] = problems, [nameof(ParentVoicePage.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(ParentVoicePage.AntiforgeryToken)] = tokens.RequestToken,
        }, status);
    }

    private static RazorComponentResult<ParentVoicePage> Refused() =>
        Page(new() { [nameof(ParentVoicePage.Mode)] = ParentPageMode.Refused }, StatusCodes.Status404NotFound);

    private static RazorComponentResult<ParentVoicePage> TooMany(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Page(new() { [nameof(ParentVoicePage.Mode)] = ParentPageMode.TooMany }, StatusCodes.Status429TooManyRequests);
    }

    private static RazorComponentResult<ParentVoicePage> Page(Dictionary<string, object?> parameters, int status) =>
        new(parameters) { StatusCode = status };

    private static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}

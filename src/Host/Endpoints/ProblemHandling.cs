using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Send.Definitions;
using SendWorkflow.Workflows.Definitions;
using SendWorkflow.Workflows.Stores;

namespace SendWorkflow.Host.Endpoints;

/// <summary>Turns domain exceptions into RFC 9457 ProblemDetails with every problem listed.</summary>
internal sealed class ProblemHandling(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <summary>How long a client should wait before trying a write again after a full or read-only disk.</summary>
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // A full or read-only disk, however deep EF Core, Identity or the single writer wrapped it, is one answer: 503.
        exception = SqliteStorageErrors.Classify(exception) ?? exception;
        var (status, title, problems) = Map(exception);
        if (status == 0) return false;
        http.Response.StatusCode = status;
        if (status == 503) http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Security.SecurityServices.AuditRefusalAsync(http, status);
        var details = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = exception switch
            {
                BadHttpRequestException bad => Describe(bad),
                // The operator's message without the file's path: the client needs to know to wait, not where the file is.
                StorageUnavailableException storage => $"The service cannot store anything now; try again later. " +
                                                       SqliteStorageErrors.Describe(storage.Problem, null),
                _ => exception.Message,
            },
            Type = $"https://httpstatuses.io/{status}",
        };
        details.Extensions["errors"] = problems ?? [new Problem(details.Detail!)];
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    private static (int, string, IReadOnlyList<Problem>?) Map(Exception ex) => ex switch
    {
        BadHttpRequestException { StatusCode: 413 } => (413, "The request is too large", null),
        BadHttpRequestException => (400, "The request could not be read", null),
        FileTooLargeException => (413, "The file is too large", null),
        JsonException => (400, "The request is not valid JSON", null),
        DefinitionFormatException => (400, "The document is not a definition", null),
        BadRequestException => (400, "The request is not valid", null),
        RequestValidationException v => (400, "The request is not valid", v.Problems),
        DefinitionValidationException d => (422, "The definition has errors",
            d.Errors.Select(e => new Problem(e.Message, null, e.Code, e.TargetKind, e.TargetId)).ToList()),
        EventDataException e => (422, "The event's data is not valid", e.Problems.Select(p => new Problem(p, "data")).ToList()),
        SchoolCalendarException => (422, "No term dates for that date", null),
        DefinitionNotFoundException or InstanceNotFoundException or SubjectNotFoundException or TaskNotFoundException
            or NotFoundException => (404, "Not found", null),
        EventNotHandledException => (409, "The current state does not handle this event", null),
        TaskNotOpenException => (409, "The task is not open", null),
        AlreadyRunningException => (409, "Already running", null),
        InstanceClosedException => (409, "The workflow has ended", null),
        DraftChangedException => (409, "The draft changed", null),
        ConflictException => (409, "Conflict", null),
        SendWorkflow.Send.Problems.ForbiddenException => (403, "Not allowed", null),
        ConcurrencyConflictException => (409, "Too many concurrent changes; try again", null),
        StorageUnavailableException => (503, "The service cannot store anything now", null),
        _ => (0, "", null),
    };

    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json
            ? $"The body is not valid JSON for this request{(json.Path is { Length: > 0 } p ? $" at {p}" : "")}: {json.Message.Split(" Path:")[0]}"
            : bad.Message;
}

using Microsoft.AspNetCore.Mvc;
using SendWorkflow.Send.Pupils.MisImport;

namespace SendWorkflow.Host.Endpoints;

/// <summary>
/// Pupils from the school's MIS: upload a CSV export for a stored preview, apply it, then confirm that the leavers' open
/// work be closed. The work is <see cref="PupilImports"/>', shared with the Studio's import page.
/// </summary>
public static class PupilImportsApi
{
    /// <summary>The file, and room for a multipart form's boundaries and headers around it.</summary>
    private const long MaxRequestBytes = MisFile.MaxBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapPupilImportsApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/schools/{id}/imports").WithTags("Pupils");
        // The CSV as a form's "file" field (multipart/form-data), or as the whole body (text/csv) with ?fileName=.
        g.MapPost("", async (string id, string? fileName, HttpRequest request, PupilImports imports, StaffScope scope, CancellationToken ct) =>
        {
            await imports.RequireMayImportAsync(scope.Caller, id);
            if (request.ContentLength > MaxRequestBytes) throw PupilImports.TooLarge();
            PupilImportDto preview;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)
                    ?? throw new RequestValidationException([new Problem("Send the CSV file as the form's 'file' field.", "file")]);
                if (file.Length > MisFile.MaxBytes) throw PupilImports.TooLarge();
                await using var stream = file.OpenReadStream();
                preview = await imports.PreviewAsync(scope.Caller, id, file.FileName, stream, ct);
            }
            else
            {
                preview = await imports.PreviewAsync(scope.Caller, id, fileName, request.Body, ct);
            }
            return TypedResults.Created($"/api/schools/{id}/imports/{preview.Id}", preview);
        }).WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes),
            new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxRequestBytes });
        g.MapGet("/{importId:guid}", async (string id, Guid importId, PupilImports imports, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await imports.GetAsync(scope.Caller, id, importId, ct)));
        g.MapPost("/{importId:guid}/apply", async (string id, Guid importId, PupilImports imports, StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await imports.ApplyAsync(scope.Caller, id, importId, ct)));
        g.MapPost("/{importId:guid}/leavers/close", async (string id, Guid importId, CloseLeaversRequest? body, PupilImports imports,
            StaffScope scope, CancellationToken ct) =>
            TypedResults.Ok(await imports.CloseLeaversWorkAsync(scope.Caller, id, importId, body ?? new CloseLeaversRequest(null), ct)));
        return api;
    }
}

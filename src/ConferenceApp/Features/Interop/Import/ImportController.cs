using System.Security.Claims;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Features.Interop.Import;

[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/import")]
[RateLimited(RateLimitGroup.Import)]
public sealed class ImportController(OrganizeQueries organize, ImportOperations operations, IOptions<ImportOptions> options, ILogger<ImportController> logger) : OrganizeControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string conference, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        return owner is null ? NotFound() : View(new ImportUploadPage(owner, null, options.Value.MaxFileBytes, null));
    }

    [HttpPost("")]
    [ImportUploadLimits]
    public async Task<IActionResult> Upload(string conference, IFormFile? file, string? format, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var chosen = ImportFormats.Find(format);
        var maxBytes = options.Value.MaxFileBytes;
        if (chosen is null)
        {
            LogRejectedUpload(owner.Id, file, "no known format chosen");
            return UploadForm(owner, format, "Choose the format of the file.");
        }

        if (file is null || file.Length == 0)
        {
            LogRejectedUpload(owner.Id, file, "the file is missing or empty");
            return UploadForm(owner, format, "Choose a file to import; the file sent was missing or empty.");
        }

        if (file.Length > maxBytes)
        {
            LogRejectedUpload(owner.Id, file, "the file is larger than the limit");
            return UploadForm(owner, format, $"The file is {Megabytes(file.Length)}, which is more than the limit of {Megabytes(maxBytes)}.",
                StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var token = await operations.StoreAsync(owner.Id, chosen, file.FileName, buffer.ToArray(), User.Identity!.Name!, cancellationToken);

        var preview = await operations.PreviewAsync(owner.Id, token, User.Identity.Name!, cancellationToken);
        if (preview.Preview is null)
        {
            return UploadForm(owner, format, preview.Error ?? "The file could not be read.");
        }

        return Redirect(PreviewUrl(owner, token));
    }

    [HttpGet("{token:guid}")]
    public async Task<IActionResult> Preview(string conference, Guid token, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var result = await operations.PreviewAsync(owner.Id, token, User.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        return result.Preview is { } preview
            ? View("Preview", new ImportPreviewPage(owner, preview, null, PreviewTables.From(preview.Plan)))
            : UploadForm(owner, null, result.Error);
    }

    [HttpPost("{token:guid}")]
    public async Task<IActionResult> Confirm(string conference, Guid token, string? fingerprint, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var result = await operations.ApplyAsync(owner.Id, token, fingerprint ?? "", User.Identity!.Name!, cancellationToken);
        switch (result.Outcome)
        {
            case ApplyOutcome.NotFound:
                return NotFound();

            case ApplyOutcome.Applied:
                var plan = result.Preview!.Plan;
                TempData["Message"] = $"Imported {result.Preview.FileName}: {OrganizeFormat.Count(plan.Count(Domain.ImportAction.Create), "item")} added, "
                    + $"{plan.Count(Domain.ImportAction.Update)} changed, {plan.Count(Domain.ImportAction.Rejected)} rejected.";
                return Redirect($"/organize/{Uri.EscapeDataString(owner.Slug)}/import");

            default:
                if (result.Preview is not { } preview)
                {
                    return UploadForm(owner, null, result.Message);
                }

                var page = View("Preview", new ImportPreviewPage(owner, preview, result.Message, PreviewTables.From(preview.Plan)));
                page.StatusCode = StatusCodes.Status409Conflict;
                return page;
        }
    }

    private void LogRejectedUpload(int conferenceId, IFormFile? file, string reason) =>
        logger.LogInformation(
            "Rejected an import upload for conference {ConferenceId} by user {UserId} ({FileName}, {Length} bytes): {Reason}",
            conferenceId, User.FindFirstValue(ClaimTypes.NameIdentifier), file?.FileName, file?.Length ?? 0, reason);

    private ViewResult UploadForm(OrganizeConference owner, string? format, string? error, int status = StatusCodes.Status400BadRequest)
    {
        var view = View("Index", new ImportUploadPage(owner, format, options.Value.MaxFileBytes, error));
        view.StatusCode = status;
        return view;
    }

    internal static string Megabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");

    private static string PreviewUrl(OrganizeConference owner, Guid token) =>
        $"/organize/{Uri.EscapeDataString(owner.Slug)}/import/{token:D}";
}

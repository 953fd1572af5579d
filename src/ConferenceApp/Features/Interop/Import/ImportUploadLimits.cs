using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using ConferenceApp.Features.Organize;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// Sets the request body and multipart limits of the import upload from
/// <see cref="ImportOptions.RequestLimitBytes"/>, before the antiforgery check reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ImportUploadLimitsAttribute : TypeFilterAttribute
{
    public ImportUploadLimitsAttribute()
        : base(typeof(ImportUploadLimitsFilter))
    {
        // The global antiforgery filter has order 1000; this one must run first.
        Order = -1000;
    }
}

internal sealed class ImportUploadLimitsFilter(
    IOptions<ImportOptions> options,
    OrganizeQueries organize,
    IModelMetadataProvider metadata,
    ILogger<ImportUploadLimitsFilter> logger) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var limit = options.Value.RequestLimitBytes;
        var features = context.HttpContext.Features;

        // A declared length over the limit gets the upload form with the reason before anything
        // reads the body. The authorization middleware has already checked the organizer policy.
        if (context.HttpContext.Request.ContentLength is { } length && length > limit)
        {
            logger.LogInformation("Rejected an import upload of {Length} bytes to {Path}: the limit is {Limit} bytes",
                length, context.HttpContext.Request.Path, limit);
            context.Result = await TooLargeFormAsync(context, length);
            return;
        }

        if (features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (features.Get<IFormFeature>()?.Form is null)
        {
            features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request, new FormOptions
            {
                MultipartBodyLengthLimit = limit,
            }));
        }
    }

    private async Task<IActionResult> TooLargeFormAsync(AuthorizationFilterContext context, long length)
    {
        var slug = context.RouteData.Values["conference"] as string ?? "";
        var owner = await organize.FindConferenceAsync(slug, context.HttpContext.RequestAborted);
        if (owner is null)
        {
            return new NotFoundResult();
        }

        var maxBytes = options.Value.MaxFileBytes;
        var error = $"The request is {ImportController.Megabytes(length)}, which is more than the limit of {ImportController.Megabytes(maxBytes)} for an import file, so it was not read. Choose a smaller file.";
        return new ViewResult
        {
            ViewName = "Index",
            ViewData = new ViewDataDictionary<ImportUploadPage>(metadata, context.ModelState)
            {
                Model = new ImportUploadPage(owner, null, maxBytes, error),
            },
            StatusCode = StatusCodes.Status413PayloadTooLarge,
        };
    }
}

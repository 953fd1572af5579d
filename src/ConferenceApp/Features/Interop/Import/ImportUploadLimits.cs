using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
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

internal sealed class ImportUploadLimitsFilter(IOptions<ImportOptions> options, ILogger<ImportUploadLimitsFilter> logger) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var limit = options.Value.RequestLimitBytes;
        var features = context.HttpContext.Features;

        // A declared length over the limit gets the "File too large" page before anything reads the body.
        if (context.HttpContext.Request.ContentLength > limit)
        {
            logger.LogInformation("Rejected an import upload of {Length} bytes to {Path}: the limit is {Limit} bytes",
                context.HttpContext.Request.ContentLength, context.HttpContext.Request.Path, limit);
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
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
}

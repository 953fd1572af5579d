using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Features.Speakers;

/// <summary>
/// Sets the request body and multipart limits of a photo upload action from
/// <see cref="SpeakerPhotoOptions.RequestLimitBytes"/>, before the antiforgery check reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PhotoUploadLimitsAttribute : TypeFilterAttribute
{
    public PhotoUploadLimitsAttribute()
        : base(typeof(PhotoUploadLimitsFilter))
    {
        // The global antiforgery filter has order 1000; this one must run first.
        Order = -1000;
    }
}

internal sealed class PhotoUploadLimitsFilter(IOptions<SpeakerPhotoOptions> options, ILogger<PhotoUploadLimitsFilter> logger) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var limit = options.Value.RequestLimitBytes;
        var features = context.HttpContext.Features;

        // A request whose declared length is over the limit gets the "File too large" page at
        // once, before anything reads the body. A chunked body without a length that grows over
        // the limit fails later, while the form is read, with the "Bad request" page.
        if (context.HttpContext.Request.ContentLength > limit)
        {
            logger.LogInformation("Rejected a photo upload of {Length} bytes to {Path}: the limit is {Limit} bytes",
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

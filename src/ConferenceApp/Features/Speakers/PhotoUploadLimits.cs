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

internal sealed class PhotoUploadLimitsFilter(IOptions<SpeakerPhotoOptions> options) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var limit = options.Value.RequestLimitBytes;
        var features = context.HttpContext.Features;

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

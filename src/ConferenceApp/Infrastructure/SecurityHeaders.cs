using Microsoft.Net.Http.Headers;

namespace ConferenceApp.Infrastructure;

/// <summary>
/// Adds the headers that limit what a browser lets a page do to every response, cached pages and
/// error pages included: the page runs only the site's own script files, cannot be framed, and
/// posts forms only to the site.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy. Scripts, styles, fonts and connections come from the site
    /// itself, and no script is inline. Inline style attributes are allowed because the schedule
    /// editor sizes its grid with them. Images may also be data: URLs, which Bootstrap's
    /// stylesheet uses for its form icons.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set before the response starts, so that the headers reach a response served from the
            // output cache and one written by the error pages as well.
            var headers = context.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers[HeaderNames.XFrameOptions] = "DENY";
            return next(context);
        });
}

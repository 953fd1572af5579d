using System.Diagnostics;
using System.Globalization;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ConferenceApp.Features.Program;

/// <summary>Error pages in the site's layout. They never show exception text; the log has it, under the request id shown.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorController(ILogger<ErrorController> logger) : Controller
{
    [Route("/error/{statusCode:int}")]
    public IActionResult Status()
    {
        // Read from the route, not bound as a parameter: after a POST whose form cannot be read,
        // such as one with a NUL character, MVC skips model binding and the code would be 0.
        var statusCode = Convert.ToInt32(RouteData.Values["statusCode"], CultureInfo.InvariantCulture);
        var requestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (exception is not null)
        {
            logger.LogError(exception.Error, "Request {RequestId} to {Path} failed", requestId, exception.Path);
            statusCode = StatusCodes.Status500InternalServerError;
        }

        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (exception is null && original is null)
        {
            // Someone opened /error/... directly: there is no error to describe.
            return NotFound();
        }

        Response.StatusCode = statusCode;
        var path = exception?.Path ?? original?.OriginalPath ?? "";
        if (statusCode == StatusCodes.Status413PayloadTooLarge)
        {
            logger.LogInformation("Rejected {Method} {Path}: the request body is larger than the endpoint accepts", Request.Method, path);
        }

        // The rate limiter set Retry-After on the rejected response; it is set again so that the page and the header agree.
        var retryAfterSeconds = HttpContext.Features.Get<RateLimitRejection>()?.RetryAfterSeconds;
        if (retryAfterSeconds is not null)
        {
            Response.Headers.RetryAfter = retryAfterSeconds.Value.ToString(CultureInfo.InvariantCulture);
        }

        if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            // Clients of the JSON API read errors as problem details, whatever went wrong.
            var title = new ErrorPage(statusCode, requestId).Title;
            return Problem(statusCode: statusCode, title: title, detail: $"Request id {requestId}.", instance: path);
        }

        return View("Status", new ErrorPage(statusCode, requestId, IsImportUpload(path)) { RetryAfterSeconds = retryAfterSeconds });
    }

    // The import form posts to /organize/{conference}/import.
    private static bool IsImportUpload(string path) =>
        path.StartsWith("/organize/", StringComparison.OrdinalIgnoreCase) && path.TrimEnd('/').EndsWith("/import", StringComparison.OrdinalIgnoreCase);
}

/// <param name="ImportUpload">True when the failed request was a program import, so that a 413 page speaks of the import file rather than a photo.</param>
public sealed record ErrorPage(int StatusCode, string RequestId, bool ImportUpload = false)
{
    /// <summary>For a 429, the seconds until the rate limit lets the request through again.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>The wait before a retry in words, rounded up to whole minutes from two minutes on: "45 seconds", "3 minutes".</summary>
    public string RetryAfterText(IStringLocalizer t) => RetryAfterSeconds switch
    {
        null => t["a few minutes"],
        1 => t["1 second"],
        < 120 and var seconds => t["{0} seconds", seconds],
        var seconds => t["{0} minutes", (seconds + 59) / 60],
    };

    /// <summary>The title in English, as the JSON API's problem details give it.</summary>
    public string Title => KnownTitle ?? $"Error {StatusCode}";

    /// <summary>The title in the request's language, for the error page.</summary>
    public string LocalizedTitle(IStringLocalizer t) => KnownTitle is { } known ? t[known] : t["Error {0}", StatusCode];

    private string? KnownTitle => StatusCode switch
    {
        404 => "Page not found",
        403 => "Access denied",
        405 => "Method not allowed",
        400 => "Bad request",
        413 => "File too large",
        429 => "Too many requests",
        _ when StatusCode >= 500 => "Something went wrong",
        _ => null,
    };
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConferenceApp.Infrastructure.Caching;
using ConferenceApp.Infrastructure.Calendar;
using ConferenceApp.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace ConferenceApp.Features.Interop.Calendar;

/// <summary>
/// The iCalendar files of the latest release: the whole program for subscribing, one talk and one
/// speaker for importing. They accept HEAD as well as GET, send an ETag and return 304 for a
/// matching If-None-Match. An unknown conference, talk or speaker, a conference with no release
/// and a talk that is not scheduled are 404 with a short plain-text message.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class CalendarController(CalendarQueries queries, IConfiguration configuration) : Controller
{
    public const string ContentType = "text/calendar; charset=utf-8";

    // Part of every ETag; change it when the written format changes, so clients fetch the new form.
    private const string FormatVersion = "ics-1";

    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/schedule.ics")]
    public Task<IActionResult> Schedule(string conference, CancellationToken cancellationToken) =>
        ExportAsync(conference, calendar => CalendarChoice.Found(calendar.Schedule()), null, cancellationToken);

    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/talks/{talk}.ics")]
    public Task<IActionResult> Talk(string conference, string talk, CancellationToken cancellationToken) =>
        ExportAsync(conference, calendar => calendar.Talk(talk) switch
        {
            null => CalendarChoice.NotFound($"No talk \"{talk}\" is in the published program."),
            { Events.Count: 0 } => CalendarChoice.NotFound($"The talk \"{talk}\" is not scheduled yet."),
            var found => CalendarChoice.Found(found),
        }, $"{talk}.ics", cancellationToken);

    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/speakers/{speaker}.ics")]
    public Task<IActionResult> Speaker(string conference, string speaker, CancellationToken cancellationToken) =>
        ExportAsync(conference, calendar => calendar.Speaker(speaker) is { } found
            ? CalendarChoice.Found(found)
            : CalendarChoice.NotFound($"No speaker \"{speaker}\" is in the published program."), $"{speaker}.ics", cancellationToken);

    /// <param name="select">Picks the calendar to write, or the reason why there is none.</param>
    /// <param name="fileName">The attachment's file name, or null to send the calendar inline, as subscriptions expect.</param>
    private async Task<IActionResult> ExportAsync(
        string conference, Func<ProgramCalendar, CalendarChoice> select, string? fileName, CancellationToken cancellationToken)
    {
        var source = await queries.FindAsync(conference, cancellationToken);
        if (source is null)
        {
            return PlainNotFound($"No conference \"{conference}\" exists.");
        }

        if (source.Release is null || source.ReleaseId is not { } releaseId)
        {
            return PlainNotFound("The program of this conference has not been published yet.");
        }

        // With Site:PublicUrl set, PublicAddress has already given the request the public scheme, host and path base.
        var siteUrl = new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}/", UriKind.Absolute);
        var etag = EntityTag(releaseId, siteUrl);
        if (Matches(etag))
        {
            SetCacheHeaders(etag);
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var choice = select(new ProgramCalendar(source.Release, siteUrl, IcsEventIdentity.UidHost(ConfiguredPublicUrl())));
        if (choice.Calendar is not { } calendar)
        {
            return PlainNotFound(choice.NotFoundMessage!);
        }

        SetCacheHeaders(etag);
        var content = IcsWriter.WriteUtf8(calendar);
        return fileName is null ? File(content, ContentType) : File(content, ContentType, fileName);
    }

    private Uri? ConfiguredPublicUrl()
    {
        var configured = configuration[PublicAddress.Key];

        // UsePublicAddress has checked at start-up that a set value is an absolute http or https URL.
        return string.IsNullOrWhiteSpace(configured) ? null : new Uri(configured, UriKind.Absolute);
    }

    // Releases never change, so the release, the URL and the site address (which the links and
    // UIDs contain) determine the content.
    private string EntityTag(int releaseId, Uri siteUrl)
    {
        var key = string.Join('\n', FormatVersion, releaseId.ToString(CultureInfo.InvariantCulture), siteUrl.AbsoluteUri, Request.Path.Value);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }

    private bool Matches(string etag)
    {
        var requested = Request.GetTypedHeaders().IfNoneMatch;
        var current = EntityTagHeaderValue.Parse(etag);
        return requested.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    private void SetCacheHeaders(string etag)
    {
        Response.Headers.ETag = etag;
        Response.Headers.CacheControl = "public, max-age=60";
    }

    private static ContentResult PlainNotFound(string message) => new()
    {
        StatusCode = StatusCodes.Status404NotFound,
        ContentType = "text/plain; charset=utf-8",
        Content = message,
    };
}

/// <summary>The calendar an export writes, or the message of its 404 when there is none.</summary>
internal sealed record CalendarChoice(IcsCalendar? Calendar, string? NotFoundMessage)
{
    public static CalendarChoice Found(IcsCalendar calendar) => new(calendar, null);

    public static CalendarChoice NotFound(string message) => new(null, message);
}

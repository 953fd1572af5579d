using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Calendar;
using ConferenceApp.Infrastructure;
using ConferenceApp.Infrastructure.Calendar;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace ConferenceApp.Features.Agenda;

/// <summary>
/// The private calendar feed of an attendee's starred items. The browser creates a feed with a
/// POST, which returns its token, and sends the whole list again with a PUT after each change of
/// its stars. A DELETE stops the feed. The feed itself, <c>/{conference}/agenda/{token}.ics</c>,
/// is written from the latest release on every request, so it follows both new releases and
/// new stars. A request with the token may read and change the feed, and any other gets 404.
/// </summary>
/// <remarks>
/// The responses are never put in the shared output cache: the feed carries no cache policy and
/// is sent with <c>Cache-Control: private</c>, so no cache serves one attendee's list to another.
/// </remarks>
[AllowAnonymous]
// These endpoints read no cookie and act only on the token or the new list in the request
// itself. A forged cross-site request therefore can do nothing its sender could not do
// directly, and an antiforgery token would protect nothing.
[IgnoreAntiforgeryToken]
public sealed class AgendaFeedController(
    AgendaFeedOperations operations, AgendaQueries queries, IConfiguration configuration, IStringLocalizer<SharedResource> T) : ControllerBase
{
    /// <summary>The largest request body accepted, in bytes: room for the longest allowed list of a large program.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    // Part of every ETag; change it when the written format changes, so clients fetch the new form.
    private const string FormatVersion = "agenda-ics-1";

    [HttpPost("/{conference}/agenda/feeds")]
    [RateLimited(RateLimitGroup.AgendaFeed)]
    public async Task<IActionResult> Create(string conference, CancellationToken cancellationToken)
    {
        var (entries, rejection) = await ReadItemsAsync(cancellationToken);
        if (rejection is not null)
        {
            return rejection;
        }

        var result = await operations.CreateAsync(conference, entries!, cancellationToken);
        if (result.Outcome != AgendaFeedOutcome.Done)
        {
            return Rejection(result);
        }

        var feedUrl = FeedUrl(conference, result.Token!);
        Response.Headers.CacheControl = "no-store";
        return Created(feedUrl, new CreatedFeed(result.Token!, feedUrl, "webcal" + feedUrl[feedUrl.IndexOf(':', StringComparison.Ordinal)..]));
    }

    [HttpPut("/{conference}/agenda/feeds/{token}")]
    public async Task<IActionResult> Replace(string conference, string token, CancellationToken cancellationToken)
    {
        var (entries, rejection) = await ReadItemsAsync(cancellationToken);
        if (rejection is not null)
        {
            return rejection;
        }

        var result = await operations.ReplaceAsync(conference, token, entries!, cancellationToken);
        return result.Outcome == AgendaFeedOutcome.Done ? NoContent() : Rejection(result);
    }

    [HttpDelete("/{conference}/agenda/feeds/{token}")]
    public async Task<IActionResult> Delete(string conference, string token, CancellationToken cancellationToken)
    {
        var result = await operations.DeleteAsync(conference, token, cancellationToken);
        return result.Outcome == AgendaFeedOutcome.Done ? NoContent() : Rejection(result);
    }

    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/agenda/{token}.ics")]
    public async Task<IActionResult> Feed(string conference, string token, CancellationToken cancellationToken)
    {
        var source = await queries.FindFeedAsync(conference, token, cancellationToken);
        if (source is null)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status404NotFound,
                ContentType = "text/plain; charset=utf-8",
                Content = T["No calendar feed has this address. It may have been stopped; subscribe again from the agenda page."],
            };
        }

        var siteUrl = SiteUrl();
        var etag = EntityTag(source, siteUrl);
        Response.Headers.ETag = etag;
        Response.Headers.CacheControl = "private, no-cache";
        if (Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var calendar = new ProgramCalendar(source.Release, siteUrl, IcsEventIdentity.UidHost(ConfiguredPublicUrl()))
            .Agenda(T["My agenda · {0}", source.Release.Snapshot.Conference.Name], source.Items.ToHashSet());
        return File(IcsWriter.WriteUtf8(calendar), CalendarController.ContentType);
    }

    /// <summary>
    /// Reads a body of the form <c>{"items": ["talk-12", "session-7"]}</c>. Returns the entries, or
    /// the problem response for a body that is not JSON, too large, or of another shape. Entries
    /// that are not strings come back as null, which the list's validation reports by position.
    /// </summary>
    private async Task<(IReadOnlyList<string?>? Entries, IActionResult? Rejection)> ReadItemsAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasJsonContentType())
        {
            return (null, ProblemResult(StatusCodes.Status415UnsupportedMediaType, T["Unsupported media type"],
                T["Send the list as JSON with Content-Type: application/json, such as {\"items\": [\"talk-12\"]}."]));
        }

        if (Request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        using var body = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > MaxBodyBytes)
            {
                return (null, TooLarge());
            }
        }

        try
        {
            using var json = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty(AgendaItemList.Field, out var items)
                || items.ValueKind != JsonValueKind.Array)
            {
                return (null, ShapeProblem());
            }

            var entries = items.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList();
            return (entries, null);
        }
        catch (JsonException)
        {
            return (null, ShapeProblem());
        }
    }

    private ObjectResult Rejection(AgendaFeedResult result) => result.Outcome switch
    {
        AgendaFeedOutcome.NotFound => ProblemResult(StatusCodes.Status404NotFound, T["Not found"],
            T["No calendar feed of this conference has this token. It may have been stopped; subscribe again from the agenda page."]),
        AgendaFeedOutcome.NotPublished => ProblemResult(StatusCodes.Status409Conflict, T["Not published"],
            T["The program of this conference has not been published yet, so there is nothing to subscribe to."]),
        _ => ProblemResult(StatusCodes.Status400BadRequest, T["Invalid list of starred items"],
            string.Join(" ", result.Errors!.Select(e => e.Message)), result.Errors!.Select(e => e.Message).ToList()),
    };

    private ObjectResult ShapeProblem() => ProblemResult(StatusCodes.Status400BadRequest, T["Invalid request body"],
        T["The body must be a JSON object with an array of item keys, such as {\"items\": [\"talk-12\", \"session-7\"]}."]);

    private ObjectResult TooLarge() => ProblemResult(StatusCodes.Status413PayloadTooLarge, T["Request body too large"],
        T["The body may be at most {0} bytes long.", MaxBodyBytes]);

    private static ObjectResult ProblemResult(int status, string title, string detail, IReadOnlyList<string>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        var result = new ObjectResult(problem) { StatusCode = status };
        result.ContentTypes.Add("application/problem+json");
        return result;
    }

    // With Site:PublicUrl set, PublicAddress has already given the request the public scheme, host and path base.
    private Uri SiteUrl() => new($"{Request.Scheme}://{Request.Host}{Request.PathBase}/", UriKind.Absolute);

    private string FeedUrl(string conference, string token) =>
        new Uri(SiteUrl(), $"{Uri.EscapeDataString(conference)}/agenda/{token}.ics").AbsoluteUri;

    private Uri? ConfiguredPublicUrl()
    {
        var configured = configuration[PublicAddress.Key];

        // UsePublicAddress has checked at start-up that a set value is an absolute http or https URL.
        return string.IsNullOrWhiteSpace(configured) ? null : new Uri(configured, UriKind.Absolute);
    }

    // The release, the stored list and its last change, and the site address (which the links and
    // UIDs contain) determine the content.
    private static string EntityTag(AgendaFeedSource source, Uri siteUrl)
    {
        var key = string.Join('\n',
            FormatVersion,
            source.ReleaseId.ToString(CultureInfo.InvariantCulture),
            AgendaItemList.Join(source.Items),
            source.UpdatedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
            siteUrl.AbsoluteUri);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }
}

/// <summary>The response to a new feed: its token, which the browser keeps to change the feed, and its addresses.</summary>
public sealed record CreatedFeed(string Token, string FeedUrl, string WebcalUrl);

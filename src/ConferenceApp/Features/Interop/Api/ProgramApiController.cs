using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ConferenceApp.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ConferenceApp.Features.Interop.Api;

/// <summary>
/// The public, read-only JSON API under /api/conferences. It serves the latest published release of
/// each conference, never the draft; a conference without a release is not found. Every action
/// accepts GET and HEAD and needs no sign-in.
/// </summary>
[AllowAnonymous]
[Route("api/conferences")]
[ApiExplorerSettings(IgnoreApi = false)]
[Tags("Program")]
[ProducesResponseType(StatusCodes.Status304NotModified)]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ProgramApiController(ApiQueries queries) : ControllerBase
{
    private const string PageText = "The page number, from 1. A page after the last one is empty.";
    private const string PageSizeText = "The number of items per page, from 1 to 200.";
    private const string ConferenceText = "The conference's slug, such as wids-tlv-2023.";

    [AcceptVerbs("GET", "HEAD", Route = "")]
    [EndpointSummary("List conferences")]
    [EndpointDescription("The conferences that have a published release, by start date then slug.")]
    [ProducesResponseType<ApiPage<ConferenceSummary>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblemResult.ContentType)]
    public async Task<IActionResult> Conferences(
        [FromQuery, Range(1, int.MaxValue), Description(PageText)] int page = 1,
        [FromQuery, Range(1, PageRequest.MaxPageSize), Description(PageSizeText)] int pageSize = PageRequest.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var (paging, problem) = ReadPaging();
        if (paging is null)
        {
            return problem!;
        }

        var links = Links();
        var conferences = await queries.ListConferencesAsync(links, cancellationToken);
        return PageOf(conferences, paging, links.Api("conferences"));
    }

    [AcceptVerbs("GET", "HEAD", Route = "{conference}")]
    [EndpointSummary("Get a conference")]
    [EndpointDescription("The conference header, its current release's name and publication time, and links to its lists.")]
    [ProducesResponseType<ConferenceDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblemResult.ContentType)]
    public async Task<IActionResult> Conference([Description(ConferenceText)] string conference, CancellationToken cancellationToken)
    {
        var published = await queries.FindAsync(conference, cancellationToken);
        return published is null ? ConferenceNotFound(conference) : new ApiJsonResult<ConferenceDetail>(published.Detail(Links()));
    }

    [AcceptVerbs("GET", "HEAD", Route = "{conference}/sessions")]
    [EndpointSummary("List sessions")]
    [EndpointDescription("The sessions on the program (those with a time slot), by start time then id.")]
    [ProducesResponseType<ApiPage<SessionItem>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblemResult.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblemResult.ContentType)]
    public Task<IActionResult> Sessions(
        [Description(ConferenceText)] string conference,
        [FromQuery, Range(1, int.MaxValue), Description(PageText)] int page = 1,
        [FromQuery, Range(1, PageRequest.MaxPageSize), Description(PageSizeText)] int pageSize = PageRequest.DefaultPageSize,
        CancellationToken cancellationToken = default) =>
        ListAsync(conference, "sessions", (_, items) => Task.FromResult(items.Sessions()), cancellationToken);

    [AcceptVerbs("GET", "HEAD", Route = "{conference}/talks")]
    [EndpointSummary("List talks")]
    [EndpointDescription("The talks of the release, by start time, then position in their session, then id; talks not on the program come last.")]
    [ProducesResponseType<ApiPage<TalkItem>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblemResult.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblemResult.ContentType)]
    public Task<IActionResult> Talks(
        [Description(ConferenceText)] string conference,
        [FromQuery, Range(1, int.MaxValue), Description(PageText)] int page = 1,
        [FromQuery, Range(1, PageRequest.MaxPageSize), Description(PageSizeText)] int pageSize = PageRequest.DefaultPageSize,
        CancellationToken cancellationToken = default) =>
        ListAsync(conference, "talks", (_, items) => Task.FromResult(items.Talks()), cancellationToken);

    [AcceptVerbs("GET", "HEAD", Route = "{conference}/speakers")]
    [EndpointSummary("List speakers")]
    [EndpointDescription("The speakers of the release by id, with their live profiles: headline, bio as Markdown and as sanitized HTML, links and photos.")]
    [ProducesResponseType<ApiPage<SpeakerItem>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblemResult.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblemResult.ContentType)]
    public Task<IActionResult> Speakers(
        [Description(ConferenceText)] string conference,
        [FromQuery, Range(1, int.MaxValue), Description(PageText)] int page = 1,
        [FromQuery, Range(1, PageRequest.MaxPageSize), Description(PageSizeText)] int pageSize = PageRequest.DefaultPageSize,
        CancellationToken cancellationToken = default) =>
        ListAsync(conference, "speakers", (published, items) => queries.SpeakersAsync(published, items, cancellationToken), cancellationToken);

    [AcceptVerbs("GET", "HEAD", Route = "{conference}/rooms")]
    [EndpointSummary("List rooms")]
    [EndpointDescription("The rooms of the release, in their set order (position), then by id.")]
    [ProducesResponseType<ApiPage<RoomItem>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblemResult.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblemResult.ContentType)]
    public Task<IActionResult> Rooms(
        [Description(ConferenceText)] string conference,
        [FromQuery, Range(1, int.MaxValue), Description(PageText)] int page = 1,
        [FromQuery, Range(1, PageRequest.MaxPageSize), Description(PageSizeText)] int pageSize = PageRequest.DefaultPageSize,
        CancellationToken cancellationToken = default) =>
        ListAsync(conference, "rooms", (_, items) => Task.FromResult(items.Rooms()), cancellationToken);

    [AcceptVerbs("GET", "HEAD", Route = "{conference}/talks/{slug}")]
    [EndpointSummary("Get a talk")]
    [EndpointDescription("One talk of the release, with its session, times, room and speakers.")]
    [ProducesResponseType<TalkItem>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblemResult.ContentType)]
    public async Task<IActionResult> Talk(
        [Description(ConferenceText)] string conference,
        [Description("The talk's slug.")] string slug,
        CancellationToken cancellationToken)
    {
        var published = await queries.FindAsync(conference, cancellationToken);
        if (published is null)
        {
            return ConferenceNotFound(conference);
        }

        var talk = Program(published).Talk(slug);
        return talk is null ? NotFoundProblem($"The conference \"{conference}\" has no published talk \"{slug}\".") : new ApiJsonResult<TalkItem>(talk);
    }

    [AcceptVerbs("GET", "HEAD", Route = "{conference}/speakers/{slug}")]
    [EndpointSummary("Get a speaker")]
    [EndpointDescription("One speaker of the release with the live profile, their talks and the sessions they lead.")]
    [ProducesResponseType<SpeakerItem>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblemResult.ContentType)]
    public async Task<IActionResult> Speaker(
        [Description(ConferenceText)] string conference,
        [Description("The speaker's slug.")] string slug,
        CancellationToken cancellationToken)
    {
        var published = await queries.FindAsync(conference, cancellationToken);
        if (published is null)
        {
            return ConferenceNotFound(conference);
        }

        var speaker = await queries.SpeakerAsync(published, Program(published), slug, cancellationToken);
        return speaker is null ? NotFoundProblem($"The conference \"{conference}\" has no published speaker \"{slug}\".") : new ApiJsonResult<SpeakerItem>(speaker);
    }

    [AcceptVerbs("GET", "HEAD", Route = "{conference}/sessions/{id}")]
    [EndpointSummary("Get a session")]
    [EndpointDescription("One session on the program, with its times, room, people and talks.")]
    [ProducesResponseType<SessionItem>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblemResult.ContentType)]
    public async Task<IActionResult> Session(
        [Description(ConferenceText)] string conference,
        [Description("The session's id.")] int id,
        CancellationToken cancellationToken)
    {
        var published = await queries.FindAsync(conference, cancellationToken);
        if (published is null)
        {
            return ConferenceNotFound(conference);
        }

        // An id that is not a whole number names no session, so it is not found rather than invalid.
        var rawId = RouteData.Values["id"]?.ToString() ?? "";
        var session = ModelState.IsValid ? Program(published).Session(id) : null;
        return session is null ? NotFoundProblem($"The conference \"{conference}\" has no session {rawId} on its published program.") : new ApiJsonResult<SessionItem>(session);
    }

    // The list actions bind page and pageSize only so that the OpenAPI document describes them.
    // The raw query is read here, so an invalid value is reported exactly as it was typed.
    private (PageRequest? Paging, ApiProblemResult? Problem) ReadPaging()
    {
        var (request, error) = PageRequest.Parse(Request.Query["page"], Request.Query["pageSize"]);
        return error is null
            ? (request, null)
            : (null, new ApiProblemResult(StatusCodes.Status400BadRequest, "Invalid query parameter", error.Message, error.Parameter));
    }

    private async Task<IActionResult> ListAsync<T>(
        string conference,
        string list,
        Func<PublishedProgram, ApiProgram, Task<IReadOnlyList<T>>> load,
        CancellationToken cancellationToken)
    {
        var (paging, problem) = ReadPaging();
        if (paging is null)
        {
            return problem!;
        }

        var published = await queries.FindAsync(conference, cancellationToken);
        if (published is null)
        {
            return ConferenceNotFound(conference);
        }

        var items = await load(published, Program(published));
        return PageOf(items, paging, Links().List(published.Slug, list));
    }

    private static ApiJsonResult<ApiPage<T>> PageOf<T>(IReadOnlyList<T> items, PageRequest paging, string listUrl) =>
        new(new ApiPage<T>(paging.Slice(items), paging.Page, paging.PageSize, items.Count, ApiLinks.Paging(listUrl, paging, items.Count)));

    private ApiProgram Program(PublishedProgram published) => new(published.Slug, published.Snapshot, Links());

    private ApiLinks Links() => new($"{Request.Scheme}://{Request.Host}{Request.PathBase}");

    private static ApiProblemResult ConferenceNotFound(string conference) =>
        NotFoundProblem($"There is no conference \"{conference}\" with a published program.");

    private static ApiProblemResult NotFoundProblem(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);
}

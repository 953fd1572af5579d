using ConferenceApp.Data;
using ConferenceApp.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.OutputCaching;

namespace ConferenceApp.Features.Interop.Api;

/// <summary>
/// The page at /api that people read: the API's endpoints from the OpenAPI document, with example
/// links into the demo conference, or into the first published conference when the demo is absent.
/// </summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ApiDocsController(ApiQueries queries, [FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : Controller
{
    [AcceptVerbs("GET", "HEAD", Route = "/api")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var examples = await ExamplesAsync(cancellationToken);
        var endpoints = ApiDocsReader.Endpoints(document, examples);
        return View(new ApiDocsPage(ApiSetup.DocumentPath, examples?.Conference, endpoints));
    }

    /// <summary>Returns 404 as problem JSON for any other address under /api, because API clients parse JSON rather than the HTML error page.</summary>
    [AcceptVerbs("GET", "HEAD", Route = "/api/{**path}")]
    public IActionResult Unknown(string path) =>
        new ApiProblemResult(StatusCodes.Status404NotFound, "Not found", $"There is no API endpoint at /api/{path}. The endpoints are listed at /api.");

    private async Task<ApiExamples?> ExamplesAsync(CancellationToken cancellationToken)
    {
        var published = await queries.FindAsync(DemoConference.Slug, cancellationToken);
        if (published is null)
        {
            var conferences = await queries.ListConferencesAsync(new ApiLinks(""), cancellationToken);
            published = conferences is [var first, ..] ? await queries.FindAsync(first.Slug, cancellationToken) : null;
        }

        if (published is null)
        {
            return null;
        }

        var program = new ApiProgram(published.Slug, published.Snapshot, new ApiLinks(""));
        var talks = program.Talks();
        var speakers = program.SpeakersById();
        var sessions = program.Sessions();
        return new ApiExamples(
            published.Slug,
            talks is [var talk, ..] ? talk.Slug : null,
            speakers is [var speaker, ..] ? speaker.Slug : null,
            sessions is [var session, ..] ? session.Id : null);
    }
}

using System.Security.Cryptography;
using System.Text;
using ConferenceApp.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace ConferenceApp.Features.Interop.Frab;

/// <summary>
/// The program's latest release in the frab schedule formats, at /{conference}/schedule.xml and
/// /{conference}/schedule.json. Both are public and accept HEAD as well as GET. An unknown
/// conference, or one with no release, gets 404 with a plain-text message.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class FrabController(FrabQueries queries) : Controller
{
    public const string NotPublishedMessage = "The program of this conference has not been published yet, so there is no schedule to export.";

    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/schedule.xml")]
    public Task<IActionResult> Xml(string conference, CancellationToken cancellationToken) =>
        ExportAsync(conference, "xml", FrabXmlWriter.ContentType, FrabXmlWriter.Write, cancellationToken);

    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/schedule.json")]
    public Task<IActionResult> Json(string conference, CancellationToken cancellationToken) =>
        ExportAsync(conference, "json", FrabJsonWriter.ContentType, FrabJsonWriter.Write, cancellationToken);

    private async Task<IActionResult> ExportAsync(string conference, string format, string contentType,
        Func<FrabSchedule, byte[]> write, CancellationToken cancellationToken)
    {
        var found = await queries.FindAsync(conference, cancellationToken);
        if (found is null)
        {
            return new ContentResult { StatusCode = StatusCodes.Status404NotFound, Content = $"No conference \"{conference}\" exists.", ContentType = "text/plain; charset=utf-8" };
        }

        if (found.Release is not { } release)
        {
            return new ContentResult { StatusCode = StatusCodes.Status404NotFound, Content = NotPublishedMessage, ContentType = "text/plain; charset=utf-8" };
        }

        // With Site:PublicUrl set, PublicAddress has already given the request the public scheme, host and path base.
        var siteUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

        // Releases never change, so the release, the format and the site address decide the bytes.
        var etag = EntityTag(release.Id, format, siteUrl);
        Response.Headers.ETag = etag.ToString();
        Response.Headers.CacheControl = "public, max-age=60";
        if (Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
            && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var schedule = FrabScheduleBuilder.Build(new FrabExportSource(found.ConferenceId, found.ConferenceSlug, release.Name, release.Snapshot, siteUrl));
        return File(write(schedule), contentType);
    }

    private static EntityTagHeaderValue EntityTag(int releaseId, string format, string siteUrl)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"frab|{format}|{releaseId}|{siteUrl}"));
        return new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"", isWeak: true);
    }
}

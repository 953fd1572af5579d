using ConferenceApp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Speakers;

/// <summary>
/// Serves speakers' photos. The URL contains the photo's content hash, so a URL always names
/// the same bytes and browsers may keep them for a year. A new photo gets a new URL.
/// </summary>
[AllowAnonymous]
public sealed class PhotoController(ConferenceDbContext db) : Controller
{
    [HttpGet("/photos/{speakerId:int}/{hash:regex(^[[0-9a-f]]{{16}}$)}/{size:int}.jpg")]
    public async Task<IActionResult> Show(int speakerId, string hash, int size, CancellationToken cancellationToken)
    {
        var bytes = await db.SpeakerPhotos.AsNoTracking()
            .Where(p => p.SpeakerId == speakerId && p.ContentHash == hash && p.Size == size)
            .Select(p => p.Bytes)
            .FirstOrDefaultAsync(cancellationToken);
        if (bytes is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return File(bytes, "image/jpeg");
    }
}

/// <summary>Builds the addresses of a speaker's photo renditions.</summary>
public static class SpeakerPhotoUrls
{
    /// <summary>Returns the URL of the rendition of <paramref name="size"/> pixels, or null when the speaker has no photo.</summary>
    public static string? For(int speakerId, string? contentHash, int size) =>
        contentHash is null ? null : $"/photos/{speakerId}/{contentHash}/{size}.jpg";
}

using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Infrastructure.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Speakers;

/// <summary>The speaker's start page and the bio preview of the profile form.</summary>
[Authorize(Policy = Policies.Speaker)]
public sealed class SpeakerHomeController(SpeakerAreaQueries queries, MarkdownRenderer markdown) : Controller
{
    [HttpGet("/speaker")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queries.HomeAsync(User, cancellationToken));

    /// <summary>Returns the sanitized HTML of a bio, as the public speaker page would show it.</summary>
    [HttpPost("/speaker/preview")]
    public IActionResult Preview([FromForm] string? bio)
    {
        // The save rejects a longer bio anyway, so rendering one would only cost server time.
        var html = bio?.Length > Text.LongTextMaxLength
            ? $"<p>The bio is longer than {Text.LongTextMaxLength} characters, so it cannot be saved or previewed. Shorten it first.</p>"
            : markdown.ToHtml(bio);
        return Content(html, "text/html; charset=utf-8");
    }
}

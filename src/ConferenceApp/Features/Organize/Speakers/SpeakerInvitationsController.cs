using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Speakers.Invitations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Speakers;

/// <summary>The organizer's invite, resend and revoke buttons on a speaker's page. Each redirects back to that page.</summary>
[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/speakers/{id:int}/invitations")]
public sealed class SpeakerInvitationsController(OrganizeQueries organize, InvitationOperations operations) : Controller
{
    /// <summary>The TempData key of a failed request's message, which the speaker's page shows in its invitations section.</summary>
    public const string ErrorKey = "InvitationError";

    [HttpPost("")]
    public async Task<IActionResult> Invite(string conference, int id, string? email, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        return owner is null
            ? NotFound()
            : Respond(await operations.InviteAsync(owner.Id, id, email, LinkBase(), cancellationToken), owner, id);
    }

    [HttpPost("{invitationId:int}/resend")]
    public async Task<IActionResult> Resend(string conference, int id, int invitationId, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        return owner is null
            ? NotFound()
            : Respond(await operations.ResendAsync(owner.Id, id, invitationId, LinkBase(), cancellationToken), owner, id);
    }

    [HttpPost("{invitationId:int}/revoke")]
    public async Task<IActionResult> Revoke(string conference, int id, int invitationId, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        return owner is null
            ? NotFound()
            : Respond(await operations.RevokeAsync(owner.Id, id, invitationId, cancellationToken), owner, id);
    }

    // The link carries the scheme and host this request came in on, so it works wherever the organizer reached the site.
    private string LinkBase() => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/invitations/";

    private IActionResult Respond(InvitationResult result, OrganizeConference owner, int speakerId)
    {
        if (result.Outcome == InvitationOutcome.NotFound)
        {
            return NotFound();
        }

        TempData[result.Outcome == InvitationOutcome.Done ? "Message" : ErrorKey] = result.Message;
        return Redirect($"/organize/{owner.Slug}/speakers/{speakerId}/edit#invitations");
    }
}

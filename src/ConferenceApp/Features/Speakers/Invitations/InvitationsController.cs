using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>The page behind an invitation link, where a speaker creates or links their account.</summary>
[AllowAnonymous]
[RateLimited(RateLimitGroup.Invitation)]
[Route("invitations/{token}")]
public sealed class InvitationsController(InvitationAcceptance acceptance) : Controller
{
    /// <summary>The speaker area, where an accepted invitation leads.</summary>
    private const string SpeakerHome = "/speaker";

    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        var page = await acceptance.PageAsync(token, User, cancellationToken);
        return Render(page);
    }

    [HttpPost("")]
    public async Task<IActionResult> Accept(string token, [Bind(Prefix = "Form")] AcceptInvitationForm form, CancellationToken cancellationToken)
    {
        var page = await acceptance.PageAsync(token, User, cancellationToken);
        if (page.Mode is not (InvitationPageMode.SetPassword or InvitationPageMode.LinkAccount))
        {
            return Render(page);
        }

        if (page.Mode == InvitationPageMode.SetPassword && !ModelState.IsValid)
        {
            return Render(page);
        }

        var result = page.Mode == InvitationPageMode.LinkAccount
            ? await acceptance.AcceptForUserAsync(token, User, cancellationToken)
            : await acceptance.AcceptWithNewAccountAsync(token, form.Password!, cancellationToken);
        if (result.Outcome == AcceptOutcome.Accepted)
        {
            return Redirect(SpeakerHome);
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error);
        }

        // The page is built again, because a racing request may have used the link or created the account meanwhile.
        return Render(await acceptance.PageAsync(token, User, cancellationToken));
    }

    private ViewResult Render(InvitationPage page)
    {
        var view = View("Show", page);
        view.StatusCode = page.StatusCode;
        return view;
    }
}

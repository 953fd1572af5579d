using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ConferenceApp.Features.Accounts.TwoFactor;

/// <summary>
/// Sends an organizer whom the Organizer policy rejected only for missing two-factor sign-in to
/// the set-up page, instead of the "access denied" response. A GET or HEAD request is redirected.
/// Any other request (a form post, a schedule move) gets 403, because it cannot be carried over.
/// Every other result goes to the default handler.
/// </summary>
internal sealed class TwoFactorRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || !OnlyTwoFactorFailed(authorizeResult.AuthorizationFailure))
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(TwoFactorPaths.Setup);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Task.CompletedTask;
    }

    private static bool OnlyTwoFactorFailed(AuthorizationFailure? failure) =>
        failure is not null
        && !failure.FailCalled
        && failure.FailedRequirements.Any()
        && failure.FailedRequirements.All(requirement => requirement is OrganizerTwoFactorRequirement);
}

/// <summary>The addresses of the two-factor pages, for redirects and links.</summary>
public static class TwoFactorPaths
{
    public const string Index = "/account/two-factor";
    public const string Setup = "/account/two-factor/setup";
    public const string RecoveryCodes = "/account/two-factor/recovery-codes";
}

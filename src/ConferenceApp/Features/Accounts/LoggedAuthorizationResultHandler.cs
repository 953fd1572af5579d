using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ConferenceApp.Features.Accounts;

/// <summary>
/// Logs each request that authorization rejects and then responds through
/// <see cref="TwoFactor.TwoFactorRedirect"/>: the two-factor set-up page for an organizer who
/// lacks only that, otherwise as ASP.NET Core does (a 403 page, or for a visitor who is not
/// signed in the redirect to the sign-in page). A rejected signed-in user is logged as a
/// warning, because it points at a wrong link or at probing. A rejected anonymous visitor is
/// ordinary, such as a bookmark to the organizer area, and is logged at Debug.
/// </summary>
public sealed class LoggedAuthorizationResultHandler(ILogger<LoggedAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly TwoFactor.TwoFactorRedirect _next = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden || authorizeResult.Challenged)
        {
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            var outcome = authorizeResult.Forbidden ? "forbidden" : "challenged";
            var failed = string.Join(", ", authorizeResult.AuthorizationFailure?.FailedRequirements.Select(r => r.GetType().Name) ?? []);
            if (userId is not null)
            {
                logger.LogWarning(
                    "Authorization {Outcome} {Method} {Path} for user {UserId}; failed requirements: {FailedRequirements}",
                    outcome, context.Request.Method, context.Request.Path.Value, userId, failed);
            }
            else
            {
                logger.LogDebug(
                    "Authorization {Outcome} {Method} {Path} for an anonymous visitor", outcome, context.Request.Method, context.Request.Path.Value);
            }
        }

        return _next.HandleAsync(next, context, policy, authorizeResult);
    }
}

using ConferenceApp.Features.Program;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ConferenceApp.Features.Agenda;

/// <summary>
/// The response to a feed creation that the rate limiter rejected: problem details, like every
/// other error of the feed endpoints. Other limited requests keep the site's HTML error page,
/// which the status code pages middleware writes for a 429 without a body.
/// </summary>
public static class AgendaFeedRateLimit
{
    private const string ContentType = "application/problem+json";

    /// <summary>
    /// Wraps the limiter's rejection handler, which sets Retry-After and logs, so that it then
    /// writes the problem body for the <see cref="RateLimitGroup.AgendaFeed"/> group.
    /// </summary>
    public static IServiceCollection AddAgendaFeedRateLimitProblem(this IServiceCollection services)
    {
        services.PostConfigure<RateLimiterOptions>(options =>
        {
            var logAndSetHeaders = options.OnRejected;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                if (logAndSetHeaders is not null)
                {
                    await logAndSetHeaders(rejected, cancellationToken);
                }

                if (RateLimitingSetup.GroupOf(rejected.HttpContext) == RateLimitGroup.AgendaFeed)
                {
                    await WriteProblemAsync(rejected.HttpContext, cancellationToken);
                }
            };
        });

        return services;
    }

    private static async Task WriteProblemAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var retryAfterSeconds = context.Features.Get<RateLimitRejection>()?.RetryAfterSeconds;
        var wait = new ErrorPage(StatusCodes.Status429TooManyRequests, context.TraceIdentifier) { RetryAfterSeconds = retryAfterSeconds }.RetryAfterText(t);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = t["Too many requests"],
            Detail = t["Too many calendar feeds were created from your network address. Try again in {0}.", wait],
        };

        // A body with a content type keeps the status code pages middleware from replacing it with the HTML page.
        await context.Response.WriteAsJsonAsync(problem, options: null, ContentType, cancellationToken);
    }
}

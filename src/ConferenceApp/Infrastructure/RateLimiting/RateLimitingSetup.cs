using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Infrastructure.RateLimiting;

/// <summary>
/// Registers ASP.NET Core's rate limiter with the app's limits. One global limiter chains three
/// partitioned ones (per client address, per email, per signed-in user). Each looks at the
/// <see cref="RateLimitedAttribute"/> of the request's endpoint and lets every other request pass.
/// A rejected request gets 429 with Retry-After, and the error page in the site's layout. The
/// agenda feed endpoints return JSON, so <c>AgendaFeedRateLimit</c> writes problem details there instead.
/// </summary>
public static class RateLimitingSetup
{
    /// <summary>The form field that carries the email on the sign-in and password-reset forms.</summary>
    public const string EmailField = "Input.Email";

    public static IServiceCollection AddConferenceRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(
                limits => limits.All().All(l => l.Limit.PermitLimit > 0 && l.Limit.WindowSeconds > 0),
                $"Every limit under {RateLimitOptions.Section} needs a PermitLimit and a WindowSeconds above 0, such as {RateLimitOptions.Section}:SignInPerClient:PermitLimit=20.")
            .ValidateOnStart();

        services.AddSingleton<RejectionLogThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory, RejectionLogThrottle>((options, limits, loggers, throttle) =>
        {
            var logger = loggers.CreateLogger(typeof(RateLimitingSetup).FullName!);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => PerClient(context, limits.Value)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => PerAccount(context, limits.Value)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => PerUser(context, limits.Value)));
            options.OnRejected = (rejected, _) =>
            {
                Reject(rejected, logger, throttle);
                return ValueTask.CompletedTask;
            };
        });

        return services;
    }

    /// <summary>
    /// Adds the rate limiter to the pipeline. It belongs after authentication and authorization,
    /// so that the per-user limits know the user and requests that fail authorization are not counted.
    /// </summary>
    public static WebApplication UseConferenceRateLimits(this WebApplication app)
    {
        // The per-email limits read the posted form, and a limiter's partition is chosen
        // synchronously, so the form of a limited sign-in or reset request is read here first.
        // MVC and the antiforgery check read the same buffered form later.
        app.Use(async (context, next) =>
        {
            if (GroupOf(context) is RateLimitGroup.SignIn or RateLimitGroup.PasswordReset && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next(context);
        });

        app.UseRateLimiter();
        return app;
    }

    /// <summary>Returns the limit group of a POST to a marked endpoint, or null for any other request.</summary>
    public static RateLimitGroup? GroupOf(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            ? context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>()?.Group
            : null;

    private static RateLimitPartition<string> PerClient(HttpContext context, RateLimitOptions limits)
    {
        var group = GroupOf(context);
        var limit = group switch
        {
            RateLimitGroup.SignIn => limits.SignInPerClient,
            RateLimitGroup.PasswordReset => limits.PasswordResetPerClient,
            RateLimitGroup.Invitation => limits.InvitationPerClient,
            RateLimitGroup.AgendaFeed => limits.AgendaFeedPerClient,
            _ => null,
        };

        return limit is null
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter($"{group}|{ClientAddress(context)}", _ => limit.ToLimiterOptions());
    }

    private static RateLimitPartition<string> PerAccount(HttpContext context, RateLimitOptions limits)
    {
        var group = GroupOf(context);
        var limit = group switch
        {
            RateLimitGroup.SignIn => limits.SignInPerAccount,
            RateLimitGroup.PasswordReset => limits.PasswordResetPerAccount,
            _ => null,
        };
        if (limit is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        // A request without an email field tries no account by email: the two-factor steps, whose
        // account Identity's lockout counts, or a malformed post. Only the client limit applies.
        if (!context.Request.HasFormContentType || !context.Request.Form.TryGetValue(EmailField, out var posted))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var email = posted.ToString();
        return RateLimitPartition.GetFixedWindowLimiter($"{group}|{email.Trim().ToUpperInvariant()}", _ => limit.ToLimiterOptions());
    }

    private static RateLimitPartition<string> PerUser(HttpContext context, RateLimitOptions limits)
    {
        var group = GroupOf(context);
        var limit = group switch
        {
            RateLimitGroup.Import => limits.ImportPerUser,
            RateLimitGroup.PhotoUpload => limits.PhotoUploadPerUser,
            _ => null,
        };

        // Imports and uploads need a signed-in user, so authorization has rejected anyone else already.
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return limit is null || userId is null
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter($"{group}|{userId}", _ => limit.ToLimiterOptions());
    }

    private static void Reject(OnRejectedContext rejected, ILogger logger, RejectionLogThrottle throttle)
    {
        var context = rejected.HttpContext;

        // NOTE: .NET 10's fixed-window limiter reports the whole window length, not the time left
        // in it (seen in testing), so Retry-After is the longest possible wait. It counts whole
        // seconds, at least one.
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Features.Set(new RateLimitRejection(seconds));

        var group = GroupOf(context);
        var client = ClientAddress(context);
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        if (!throttle.ShouldLog($"{group}|{client}|{userId}", out var skipped))
        {
            return;
        }

        // Only the sign-in and reset forms were read before the limiter. Reading an upload's form here would block.
        var email = group is RateLimitGroup.SignIn or RateLimitGroup.PasswordReset && context.Request.HasFormContentType
            ? context.Request.Form[EmailField].ToString()
            : null;
        logger.LogWarning(
            "Rejected {Method} {Path} by the {LimitGroup} rate limit: client {ClientAddress}, user {UserId}, email hash {EmailHash}, retry after {RetryAfterSeconds} s ({Skipped} rejections of this client and kind of request since the previous entry were not logged)",
            context.Request.Method, context.Request.Path.Value, group, client, userId, EmailHash.Of(email), seconds, skipped);
    }

    /// <summary>
    /// Returns the client's address as counted: an IPv4 address as it is, an IPv6 address as its
    /// /64 network, because one home or phone connection gets a whole /64 and could otherwise
    /// pick a new address for every request.
    /// </summary>
    public static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}

/// <summary>Stored on a request that the rate limiter rejected, for the error page that explains it.</summary>
public sealed record RateLimitRejection(int RetryAfterSeconds);

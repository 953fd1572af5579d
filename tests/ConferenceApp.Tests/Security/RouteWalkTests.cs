using System.Globalization;
using System.Net;
using System.Text;
using ConferenceApp.Data;
using ConferenceApp.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConferenceApp.Tests.Security;

/// <summary>
/// Walks every endpoint that the running app maps (controllers, Razor Pages, health checks, the
/// OpenAPI document) and checks who may reach it. The list comes from the app's
/// <see cref="EndpointDataSource"/>, so a new endpoint is walked as soon as it exists, and one
/// that is public but missing from <see cref="PublicRoutes"/>, or that belongs to no known
/// family, fails the walk.
/// </summary>
/// <remarks>
/// Every organizer may work on every conference: the app has no organizers per conference, so
/// the walk checks that an organizer reaches the second conference's pages.
/// </remarks>
public sealed class RouteWalkTests(RouteWalkApp walk) : IClassFixture<RouteWalkApp>
{
    /// <summary>
    /// Route templates that anyone may request. They are the program, the agenda page and the
    /// private feeds of starred items (which need their token), the exports, the JSON API and
    /// its document, the sitemap and robots.txt, and the speaker photos. Also public are the error
    /// pages, the health checks, the first-run setup, the invitation page, the language chooser,
    /// and the Identity pages for signing in and resetting a password. The
    /// Identity pages that the app does not offer return 404 but stay anonymous, so that they do
    /// not reveal that an account exists.
    /// </summary>
    private static readonly HashSet<string> PublicRoutes = new(StringComparer.Ordinal)
    {
        "",
        "{conference}",
        "{conference}/program",
        "{conference}/speakers",
        "{conference}/speakers/{speaker}",
        "{conference}/talks/{talk}",
        "{conference}/changes",
        "{conference}/changes.atom",
        "{conference}/schedule.ics",
        "{conference}/talks/{talk}.ics",
        "{conference}/speakers/{speaker}.ics",
        "{conference}/schedule.xml",
        "{conference}/schedule.json",
        "sitemap.xml",
        "robots.txt",
        "{conference}/agenda",
        "{conference}/agenda/feeds",
        "{conference}/agenda/feeds/{token}",
        "{conference}/agenda/{token}.ics",
        "api",
        "api/{**path}",
        "api/openapi.json",
        "api/conferences",
        "api/conferences/{conference}",
        "api/conferences/{conference}/sessions",
        "api/conferences/{conference}/talks",
        "api/conferences/{conference}/speakers",
        "api/conferences/{conference}/rooms",
        "api/conferences/{conference}/talks/{slug}",
        "api/conferences/{conference}/speakers/{slug}",
        "api/conferences/{conference}/sessions/{id}",
        "photos/{speakerId:int}/{hash:regex(^[0-9a-f]{{16}}$)}/{size:int}.jpg",
        "error/{statusCode:int}",
        "culture",
        "health/live",
        "health/ready",
        "setup",
        "invitations/{token}",
        "Identity/Account/Login",
        "Identity/Account/ForgotPassword",
        "Identity/Account/ForgotPasswordConfirmation",
        "Identity/Account/ResetPassword",
        "Identity/Account/ResetPasswordConfirmation",
        "Identity/Account/Lockout",
        "Identity/Account/Logout",
        "Identity/Error",
        "Identity/Account/ConfirmEmailChange",
        "Identity/Account/Register",
        "Identity/Account/RegisterConfirmation",
        "Identity/Account/ExternalLogin",
        "Identity/Account/ResendEmailConfirmation",
        "Identity/Account/ConfirmEmail",
        "Identity/Account/LoginWithRecoveryCode",
        "Identity/Account/LoginWith2fa",
        "Identity",
        "Identity/Index",
    };

    /// <summary>
    /// The second steps of signing in, which send a visitor without a password step in progress
    /// back to the first step. That is the sign-in page, but not a refusal.
    /// </summary>
    private static readonly HashSet<string> SecondSignInSteps = new(StringComparer.Ordinal)
    {
        "Identity/Account/LoginWith2fa",
        "Identity/Account/LoginWithRecoveryCode",
    };

    /// <summary>Who may use an endpoint that is not public, by the start of its route template.</summary>
    private enum Family
    {
        Organizer,
        Speaker,
        AnyAccount,
    }

    private sealed record Probe(string Template, HttpMethod Method, string Url, bool Json);

    [Fact]
    public void Public_endpoints_match_allow_list()
    {
        var anonymous = Endpoints().Where(IsAnonymous).Select(Template).ToHashSet(StringComparer.Ordinal);

        var unlisted = anonymous.Except(PublicRoutes).ToList();
        var notPublic = PublicRoutes.Except(anonymous).ToList();

        Assert.True(unlisted.Count == 0, $"Public endpoints missing from the allow-list: {string.Join(", ", unlisted)}");
        Assert.True(notPublic.Count == 0, $"Allow-listed routes that are not public: {string.Join(", ", notPublic)}");
    }

    [Fact]
    public void Every_endpoint_has_a_family()
    {
        var unknown = Endpoints().Where(e => !IsAnonymous(e) && FamilyOf(Template(e)) is null).Select(e => $"{Template(e)} ({e.DisplayName}: {string.Join(" ", e.Metadata.Select(m => m.GetType().Name))})").ToList();

        Assert.True(unknown.Count == 0, $"Endpoints that are neither public nor in a family: {string.Join(", ", unknown)}");
    }

    [Fact]
    public async Task Public_endpoints_answer_anonymous()
    {
        foreach (var endpoint in Endpoints().Where(IsAnonymous))
        {
            var url = Url(endpoint, walk.Demo, walk.Demo.Talk);
            var response = await walk.Anonymous.Client.GetAsync(new Uri(url, UriKind.Relative));

            Assert.False(IsSignInRedirect(response) && !SecondSignInSteps.Contains(Template(endpoint)), $"GET {url} sent an anonymous visitor to sign in.");
            Assert.False(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"GET {url} returned {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task Unknown_address_is_not_found()
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            var response = await SendAsync(walk.Anonymous, new Probe("", method, "/no/such/page/here", Json: false));

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} of an unknown address returned {Describe(response)}.");
        }

        // From its build folder the app also maps a GET-only catch-all for files, so there a POST
        // to an unknown address gets 405 from routing. A published app returns 404.
        var post = await SendAsync(walk.Anonymous, new Probe("", HttpMethod.Post, "/no/such/page/here", Json: false));

        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST of an unknown address returned {Describe(post)}.");
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in()
    {
        var before = await walk.CountWritesAsync();

        foreach (var probe in Probes(family => true, walk.Demo, walk.TalkOfA))
        {
            var response = await SendAsync(walk.Anonymous, probe);

            Assert.True(IsSignInRedirect(response) || response.StatusCode == HttpStatusCode.Unauthorized,
                $"{probe.Method} {probe.Url} as anonymous returned {Describe(response)}.");
        }

        Assert.Equal(before, await walk.CountWritesAsync());
    }

    [Fact]
    public async Task Speakers_are_denied_organizer_endpoints()
    {
        var before = await walk.CountWritesAsync();

        foreach (var speaker in new[] { walk.SpeakerA, walk.SpeakerB })
        {
            foreach (var conference in new[] { walk.Demo, walk.Second })
            {
                foreach (var probe in Probes(family => family == Family.Organizer, conference, conference.Talk))
                {
                    AssertDenied(speaker, probe, await SendAsync(speaker, probe));
                }
            }
        }

        Assert.Equal(before, await walk.CountWritesAsync());
    }

    [Fact]
    public async Task Organizer_is_denied_speaker_endpoints()
    {
        var before = await walk.CountWritesAsync();

        foreach (var probe in Probes(family => family == Family.Speaker, walk.Demo, walk.TalkOfA))
        {
            AssertDenied(walk.Organizer, probe, await SendAsync(walk.Organizer, probe));
        }

        Assert.Equal(before, await walk.CountWritesAsync());
    }

    [Fact]
    public async Task Speaker_gets_not_found_for_others()
    {
        var before = await walk.CountWritesAsync();

        // Speaker B is linked to the demo conference but A's talk is not B's, and A is linked to
        // nothing in the second conference, so each address names something the speaker does not own.
        var probes = Probes(family => family == Family.Speaker, walk.Demo, walk.TalkOfA)
            .Where(p => p.Template.Contains("{id", StringComparison.Ordinal))
            .Select(p => (walk.SpeakerB, p))
            .Concat(Probes(family => family == Family.Speaker, walk.Second, walk.Second.Talk)
                .Where(p => p.Template.Contains("{conference}", StringComparison.Ordinal))
                .Select(p => (walk.SpeakerA, p)))
            .ToList();
        Assert.NotEmpty(probes);

        foreach (var (speaker, probe) in probes)
        {
            var response = await SendAsync(speaker, probe);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{probe.Method} {probe.Url} as {speaker.Name} returned {Describe(response)}.");
        }

        Assert.Equal(before, await walk.CountWritesAsync());
    }

    [Fact]
    public async Task Organizer_reaches_every_conference()
    {
        foreach (var conference in new[] { walk.Demo, walk.Second })
        {
            foreach (var probe in Probes(family => family == Family.Organizer, conference, conference.Talk).Where(p => p.Method == HttpMethod.Get))
            {
                var response = await SendAsync(walk.Organizer, probe);

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {probe.Url} as organizer returned {Describe(response)}.");
            }
        }
    }

    [Fact]
    public async Task Tokens_pass_antiforgery_check()
    {
        // Each identity's token must be valid, or the denials above could come from the
        // antiforgery check instead of authorization.
        var signIn = await SendAsync(walk.Anonymous, new Probe("", HttpMethod.Post, "/Identity/Account/Login", Json: false));
        var preview = await SendAsync(walk.SpeakerA, new Probe("", HttpMethod.Post, "/speaker/preview", Json: false));
        var slot = await SendAsync(walk.Organizer, new Probe("", HttpMethod.Post, $"/organize/{walk.Second.Slug}/timeslots/new", Json: false));

        Assert.True(signIn.StatusCode == HttpStatusCode.OK, $"The anonymous sign-in returned {Describe(signIn)}.");
        Assert.True(preview.StatusCode == HttpStatusCode.OK, $"The speaker's bio preview returned {Describe(preview)}.");
        Assert.True(slot.StatusCode == HttpStatusCode.OK, $"The organizer's time slot form returned {Describe(slot)}.");
    }

    private IEnumerable<RouteEndpoint> Endpoints() => AppEndpoints.Of(walk.App.Services);

    private static bool IsAnonymous(Endpoint endpoint) => AppEndpoints.IsAnonymous(endpoint);

    private static string Template(RouteEndpoint endpoint) => AppEndpoints.Template(endpoint);

    private static Family? FamilyOf(string template)
    {
        var path = template.TrimStart('/');
        if (path.StartsWith("organize", StringComparison.Ordinal))
        {
            return Family.Organizer;
        }

        if (path == "speaker" || path.StartsWith("speaker/", StringComparison.Ordinal))
        {
            return Family.Speaker;
        }

        if (path.StartsWith("Identity/Account/Manage", StringComparison.Ordinal) || path == "Identity/Account/AccessDenied"
            || path == "account" || path.StartsWith("account/", StringComparison.Ordinal))
        {
            return Family.AnyAccount;
        }

        return null;
    }

    private List<Probe> Probes(Func<Family, bool> families, ConferenceIds conference, int speakerTalk)
    {
        var probes = new List<Probe>();
        foreach (var endpoint in Endpoints().Where(e => !IsAnonymous(e)))
        {
            var template = Template(endpoint);
            var family = FamilyOf(template);
            Assert.True(family is not null, $"The endpoint {template} is not public and belongs to no known family.");
            if (!families(family.Value))
            {
                continue;
            }

            var url = Url(endpoint, conference, speakerTalk);
            var json = AppEndpoints.AcceptsJsonOnly(endpoint);
            probes.AddRange(AppEndpoints.Methods(endpoint).Select(method => new Probe(template, new HttpMethod(method), url, json)));
        }

        return probes;
    }

    /// <summary>
    /// Fills the route parameters with ids of <paramref name="conference"/>. An "id" takes the id
    /// of the row kind named by the segment before it; under /speaker it is <paramref name="speakerTalk"/>.
    /// </summary>
    private static string Url(RouteEndpoint endpoint, ConferenceIds conference, int speakerTalk)
    {
        var underSpeaker = FamilyOf(Template(endpoint)) == Family.Speaker;
        return AppEndpoints.Url(endpoint, (parameter, previous) => Value(parameter, previous, conference, underSpeaker ? speakerTalk : null));
    }

    private static string Value(string parameter, string? previousSegment, ConferenceIds ids, int? speakerTalk)
    {
        static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        return parameter switch
        {
            "conference" => ids.Slug,
            "id" when speakerTalk is not null => Text(speakerTalk.Value),
            "id" => previousSegment switch
            {
                "rooms" => Text(ids.Room),
                "timeslots" => Text(ids.Slot),
                "sessions" => Text(ids.Session),
                "talks" => Text(ids.Talk),
                "speakers" => Text(ids.Speaker),
                _ => throw new InvalidOperationException($"No id is known for the segment \"{previousSegment}\"; add it to the route walk."),
            },
            "invitationId" => Text(ids.Invitation),
            "token" => ids.ImportToken.ToString(),
            "speaker" or "slug" => "speaker",
            "talk" => "talk",
            "speakerId" => Text(ids.Speaker),
            "hash" => "0123456789abcdef",
            "size" => "160",
            "statusCode" => "404",
            "path" => "unknown",
            _ => throw new InvalidOperationException($"No value is known for the route parameter \"{parameter}\"; add it to the route walk."),
        };
    }

    // A POST carries the identity's antiforgery token, in the form and in the header that the
    // schedule editor's JSON requests use, and field values that would show if it were saved.
    private static Task<HttpResponseMessage> SendAsync(Identity identity, Probe probe)
    {
        var request = new HttpRequestMessage(probe.Method, new Uri(probe.Url, UriKind.Relative));
        if (probe.Method == HttpMethod.Post)
        {
            request.Headers.Add(WebSetup.AntiforgeryHeader, identity.Token);
            request.Content = probe.Json
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = identity.Token,
                    ["Name"] = "Walked",
                    ["Title"] = "Walked",
                    ["Headline"] = "Walked",
                    ["ConfirmSlug"] = DemoConference.Slug,
                });
        }

        return identity.Client.SendAsync(request);
    }

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && (response.Headers.Location?.OriginalString ?? "").Contains("/Identity/Account/Login", StringComparison.Ordinal);

    private static void AssertDenied(Identity identity, Probe probe, HttpResponseMessage response)
    {
        var accessDenied = response.StatusCode == HttpStatusCode.Redirect
            && (response.Headers.Location?.OriginalString ?? "").Contains("/Identity/Account/AccessDenied", StringComparison.Ordinal);

        Assert.True(accessDenied || response.StatusCode == HttpStatusCode.Forbidden,
            $"{probe.Method} {probe.Url} as {identity.Name} returned {Describe(response)}.");
    }

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.Headers.Location}".TrimEnd();
}

using System.Net;
using System.Text;
using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Testing;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Accounts;

/// <summary>
/// With Accounts:RequireTwoFactorForOrganizers on, organizers reach no organizer route until they
/// turn on two-factor sign-in. Speakers are not affected.
/// </summary>
public sealed class OrganizerTwoFactorRequirementTests : IDisposable
{
    private const string SpeakerEmail = "speaker.two-factor@example.org";
    private const string SpeakerPassword = "a long speaker password";

    private readonly AppFactory _app = new()
    {
        Settings = new() { ["Accounts:RequireTwoFactorForOrganizers"] = "true" },
    };

    public void Dispose() => _app.Dispose();

    /// <summary>Every route of the app that the Organizer policy guards, with a made-up address and its HTTP methods.</summary>
    private List<(string Method, string Url)> OrganizerRoutes()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<(string, string)>();
        foreach (var endpoint in endpoints)
        {
            var guarded = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(data => data.Policy == Policies.Organizer);
            if (!guarded)
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                routes.Add((method, AddressOf(endpoint.RoutePattern)));
            }
        }

        return routes;
    }

    // Fills each route parameter with a value that its constraints accept. Authorization runs before the action reads the value.
    private static string AddressOf(RoutePattern pattern)
    {
        var address = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            address.Append('/');
            foreach (var part in segment.Parts)
            {
                address.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter when pattern.ParameterPolicies.TryGetValue(parameter.Name, out var policies)
                        && policies.Any(policy => policy.Content is "int" or "long") => "1",
                    RoutePatternParameterPart parameter when pattern.ParameterPolicies.TryGetValue(parameter.Name, out var policies)
                        && policies.Any(policy => policy.Content == "guid") => Guid.Empty.ToString(),
                    RoutePatternParameterPart parameter when parameter.Name == "conference" => DemoConference.Slug,
                    _ => "x",
                });
            }
        }

        return address.ToString();
    }

    private async Task<HttpClient> SpeakerClientAsync()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Speaker))
            {
                Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Speaker))).Succeeded);
            }

            var user = new IdentityUser { UserName = SpeakerEmail, Email = SpeakerEmail, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, SpeakerPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Speaker)).Succeeded);
        }

        var client = _app.CreateBrowserlessClient();
        var signIn = await TwoFactorSteps.SignInWithPasswordAsync(client, SpeakerEmail, SpeakerPassword);
        Assert.Equal("/speaker", signIn.Headers.Location?.OriginalString);
        return client;
    }

    [Fact]
    public async Task Every_organizer_route_waits_for_setup()
    {
        var organizer = await _app.CreateOrganizerClientAsync();
        var routes = OrganizerRoutes();
        Assert.True(routes.Count > 40, $"Only {routes.Count} organizer routes were found; the endpoint list is not what the test expects.");

        foreach (var (method, url) in routes)
        {
            var response = await organizer.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)));
            if (method is "GET" or "HEAD")
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url} returned {(int)response.StatusCode}, not a redirect to the set-up page.");
                Assert.Equal("/account/two-factor/setup", response.Headers.Location?.OriginalString);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} returned {(int)response.StatusCode}, not 403.");
            }
        }
    }

    [Fact]
    public async Task Sign_in_leads_to_setup()
    {
        var organizer = await _app.CreateOrganizerClientAsync();

        var home = await organizer.GetAsync(new Uri("/organize", UriKind.Relative));
        var setup = await organizer.GetStringAsync(new Uri("/account/two-factor/setup", UriKind.Relative));

        Assert.Equal("/account/two-factor/setup", home.Headers.Location?.OriginalString);
        Assert.Contains("This site requires two-factor sign-in for organizers.", setup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabled_organizer_reaches_organizer_pages()
    {
        var organizer = await _app.CreateOrganizerClientAsync();

        await TwoFactorSteps.EnableAsync(organizer);

        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync(new Uri("/organize", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync(new Uri($"/organize/{DemoConference.Slug}/sessions", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync(new Uri($"/organize/{DemoConference.Slug}/preview", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Required_two_factor_cannot_be_disabled()
    {
        var organizer = await _app.CreateOrganizerClientAsync();
        await TwoFactorSteps.EnableAsync(organizer);

        var disable = await TwoFactorSteps.PostSettingAsync(organizer, "/account/two-factor/disable");

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync(new Uri("/organize", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Speakers_pass_without_two_factor()
    {
        var speaker = await SpeakerClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await speaker.GetAsync(new Uri("/speaker", UriKind.Relative))).StatusCode);
        var organizerPage = await speaker.GetAsync(new Uri("/organize", UriKind.Relative));
        Assert.NotEqual("/account/two-factor/setup", organizerPage.Headers.Location?.OriginalString);
        Assert.NotEqual(HttpStatusCode.OK, organizerPage.StatusCode);
    }

    [Fact]
    public async Task Speaker_can_enable_two_factor()
    {
        var speaker = await SpeakerClientAsync();

        var secrets = await TwoFactorSteps.EnableAsync(speaker);

        var client = _app.CreateBrowserlessClient();
        await TwoFactorSteps.SignInWithPasswordAsync(client, SpeakerEmail, SpeakerPassword);
        var code = await TwoFactorSteps.PostAuthenticatorCodeAsync(client, Totp.Code(secrets.SharedKey));
        Assert.Equal("/speaker", code.Headers.Location?.OriginalString);
    }
}

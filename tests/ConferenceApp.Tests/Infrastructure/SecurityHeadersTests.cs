using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Infrastructure;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Infrastructure;

/// <summary>
/// The security headers on every kind of response, and the flags of the cookies: Secure whenever
/// the site's address is https, HttpOnly and SameSite always.
/// </summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/" + DemoConference.Slug + "/program")]
    [InlineData("/" + DemoConference.Slug + "/schedule.xml")]
    [InlineData("/api/conferences")]
    [InlineData("/no-such-conference/program")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/organize")]
    [InlineData("/favicon.ico")]
    public async Task Every_response_has_security_headers(string url)
    {
        await using var app = new AppFactory();
        var client = app.CreateBrowserlessClient();

        // Twice, so that the second response of a public page comes from the output cache.
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal(SecurityHeaders.ReferrerPolicy, Header(response, "Referrer-Policy"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        }
    }

    [Fact]
    public void Policy_forbids_inline_script_and_framing()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split("; ").ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
    }

    [Theory]
    [InlineData("https://program.example.org", true)]
    [InlineData(null, false)]
    public async Task Cookies_secure_only_over_https(string? publicUrl, bool secure)
    {
        await using var app = new AppFactory { Settings = publicUrl is null ? [] : new() { ["Site:PublicUrl"] = publicUrl } };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>().CreateAsync(AppFactory.OrganizerEmail, AppFactory.OrganizerPassword, allowExistingAccount: true);
        }

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var loginPage = await client.GetAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        var antiforgery = Assert.Single(SetCookies(loginPage), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        using var login = new HttpRequestMessage(HttpMethod.Post, new Uri("/Identity/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = AppFactory.OrganizerEmail,
                ["Input.Password"] = AppFactory.OrganizerPassword,
                ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(await loginPage.Content.ReadAsStringAsync()),
            }),
        };
        login.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var loggedIn = await client.SendAsync(login);

        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        var session = Assert.Single(SetCookies(loggedIn), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, session })
        {
            var flags = cookie.Split("; ").Skip(1).Select(f => f.ToLowerInvariant()).ToList();
            Assert.Contains("httponly", flags);
            Assert.Contains(flags, f => f.StartsWith("samesite=", StringComparison.Ordinal));
            Assert.Equal(secure, flags.Contains("secure"));
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}

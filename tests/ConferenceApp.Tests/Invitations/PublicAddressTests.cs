using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Invitations;

/// <summary>With Site:PublicUrl set, emailed links use it whatever Host header a request sends.</summary>
public sealed class PublicAddressTests() : InvitationTestBase(new() { ["Site:PublicUrl"] = "https://program.example.org" })
{
    [Fact]
    public async Task Reset_link_ignores_forged_host()
    {
        await CreateUserAsync("forged.host@example.org", Password, Roles.Speaker);
        var client = App.CreateBrowserlessClient();
        var form = await client.GetStringAsync(new Uri("/Identity/Account/ForgotPassword", UriKind.Relative));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "forged.host@example.org",
                ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(form),
            }),
        };
        request.Headers.Host = "attacker.example.net";
        await client.SendAsync(request);

        var mail = Assert.Single(await MailsAsync());
        Assert.Contains("https://program.example.org/Identity/Account/ResetPassword", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example.net", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example.net", mail.HtmlBody, StringComparison.Ordinal);
    }
}

/// <summary>Production needs a public address or a list of allowed hosts before it starts.</summary>
public sealed class PublicAddressStartupTests
{
    [Fact]
    public void Production_without_address_does_not_start()
    {
        using var app = new AppFactory { EnvironmentName = "Production" };

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Site:PublicUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_with_allowed_hosts_starts()
    {
        using var app = new AppFactory { EnvironmentName = "Production", Settings = new() { ["AllowedHosts"] = "localhost" } };

        Assert.NotNull(app.CreateClient());
    }
}

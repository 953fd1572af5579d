using System.Net;
using System.Text.RegularExpressions;
using ConferenceApp.Testing;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Accounts;

/// <summary>The shared key and recovery codes that turning on two-factor sign-in showed.</summary>
public sealed record TwoFactorSecrets(string SharedKey, IReadOnlyList<string> RecoveryCodes);

/// <summary>What a person does on the two-factor pages, as form posts through the real app.</summary>
public static partial class TwoFactorSteps
{
    /// <summary>Opens the set-up page, reads the shared key, posts the current code and reads the recovery codes shown next.</summary>
    public static async Task<TwoFactorSecrets> EnableAsync(HttpClient client)
    {
        var setup = await client.GetStringAsync(new Uri("/account/two-factor/setup", UriKind.Relative));
        var key = SharedKey(setup);

        var response = await PostAsync(client, "/account/two-factor/setup", setup, ("Code", Totp.Code(key)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/two-factor/recovery-codes", response.Headers.Location?.OriginalString);

        var codesPage = await client.GetStringAsync(new Uri("/account/two-factor/recovery-codes", UriKind.Relative));
        var codes = RecoveryCodePattern().Matches(codesPage).Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return new TwoFactorSecrets(key, codes);
    }

    /// <summary>Returns the shared key shown on the set-up page, without the spaces between its groups.</summary>
    public static string SharedKey(string setupPage)
    {
        var match = SharedKeyPattern().Match(setupPage);
        Assert.True(match.Success, "The set-up page shows no shared key.");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>Posts the email and password on the sign-in page and returns the response, a redirect when they are right.</summary>
    public static async Task<HttpResponseMessage> SignInWithPasswordAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        return await PostAsync(client, "/Identity/Account/Login", page, ("Input.Email", email), ("Input.Password", password));
    }

    /// <summary>Posts <paramref name="code"/> on the authenticator code page that follows the password.</summary>
    public static async Task<HttpResponseMessage> PostAuthenticatorCodeAsync(HttpClient client, string code, bool rememberMachine = false)
    {
        var page = await client.GetStringAsync(new Uri("/Identity/Account/LoginWith2fa", UriKind.Relative));
        return await PostAsync(client, "/Identity/Account/LoginWith2fa", page, ("Code", code), ("RememberMachine", rememberMachine ? "true" : "false"));
    }

    /// <summary>Posts <paramref name="code"/> on the recovery code page that follows the password.</summary>
    public static async Task<HttpResponseMessage> PostRecoveryCodeAsync(HttpClient client, string code)
    {
        var page = await client.GetStringAsync(new Uri("/Identity/Account/LoginWithRecoveryCode", UriKind.Relative));
        return await PostAsync(client, "/Identity/Account/LoginWithRecoveryCode", page, ("RecoveryCode", code));
    }

    /// <summary>Posts a form with the antiforgery token of <paramref name="page"/>.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string page, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(field => field.Name, field => field.Value);
        values["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page);
        return client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>Posts a form without fields from a page of the two-factor settings, such as "disable".</summary>
    public static async Task<HttpResponseMessage> PostSettingAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative));
        return await PostAsync(client, url, page);
    }

    /// <summary>A code that was valid an hour ago, far outside the window Identity accepts.</summary>
    public static string StaleCode(string sharedKey) => Totp.Code(sharedKey, DateTimeOffset.UtcNow.AddHours(-1));

    [GeneratedRegex("<code class=\"shared-key[^\"]*\">([^<]+)</code>")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("<code class=\"recovery-code\">([^<]+)</code>")]
    private static partial Regex RecoveryCodePattern();
}

namespace ConferenceApp.Areas.Identity.Pages.Account;

/// <summary>The addresses of the sign-in steps after the password, with the return address and "keep me signed in" carried along.</summary>
public static class TwoFactorLogin
{
    public const string LoginPage = "/Identity/Account/Login";

    public static string CodePage(string? returnUrl, bool rememberMe) =>
        WithQuery("/Identity/Account/LoginWith2fa", returnUrl, rememberMe);

    public static string RecoveryCodePage(string? returnUrl, bool rememberMe) =>
        WithQuery("/Identity/Account/LoginWithRecoveryCode", returnUrl, rememberMe);

    private static string WithQuery(string path, string? returnUrl, bool rememberMe)
    {
        var query = $"?rememberMe={(rememberMe ? "true" : "false")}";
        return string.IsNullOrEmpty(returnUrl) ? path + query : $"{path}{query}&returnUrl={Uri.EscapeDataString(returnUrl)}";
    }
}

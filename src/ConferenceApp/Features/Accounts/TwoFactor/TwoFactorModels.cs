using System.ComponentModel.DataAnnotations;

namespace ConferenceApp.Features.Accounts.TwoFactor;

/// <summary>
/// The account's two-factor status. <see cref="RequiredForAccount"/> is true for an organizer
/// while the site requires two-factor sign-in for organizers.
/// </summary>
public sealed record TwoFactorStatusPage(bool Enabled, int RecoveryCodesLeft, bool RequiredForAccount, string HomeUrl);

/// <summary>
/// The set-up page: the shared key in groups of four, the otpauth:// URI and its QR code as a
/// PNG data: URL, and the form that checks the first code.
/// </summary>
public sealed record TwoFactorSetupPage(string FormattedKey, string AuthenticatorUri, string QrCodeDataUrl, bool RequiredForAccount, EnableForm Form);

/// <summary>The code typed to turn on two-factor sign-in.</summary>
public sealed class EnableForm
{
    [Display(Name = "Code from the app")]
    public string? Code { get; set; }
}

/// <summary>New recovery codes, shown once, and where to go next.</summary>
public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes, string DownloadUrl, string HomeUrl);

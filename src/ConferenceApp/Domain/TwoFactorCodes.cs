using System.Text;

namespace ConferenceApp.Domain;

/// <summary>
/// The rules for what a person types or reads while setting up and using two-factor sign-in:
/// authenticator codes (RFC 6238, six digits), recovery codes, and the shared key and
/// otpauth:// URI that an authenticator app is given.
/// </summary>
public static class TwoFactorCodes
{
    /// <summary>The number of digits of an authenticator code.</summary>
    public const int AuthenticatorCodeLength = 6;

    /// <summary>The number of recovery codes an account gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// Returns the digits of a typed authenticator code without the spaces and hyphens that apps
    /// show in the middle ("123 456"), or null when anything else is left or the number of digits
    /// is not <see cref="AuthenticatorCodeLength"/>.
    /// </summary>
    public static string? NormalizeAuthenticatorCode(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var digits = RemoveSeparators(typed);
        if (digits.Length != AuthenticatorCodeLength || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        return digits;
    }

    /// <summary>
    /// Returns a typed recovery code in the form ASP.NET Core Identity stores it (upper-case,
    /// "XXXXX-XXXXX"), so that lower case, spaces and a missing hyphen still match. Returns null
    /// when the input has no letters or digits at all.
    /// </summary>
    public static string? NormalizeRecoveryCode(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var compact = RemoveSeparators(typed).ToUpperInvariant();
        if (compact.Length == 0)
        {
            return null;
        }

        // Identity's codes are ten characters with a hyphen after the fifth.
        return compact.Length == 10 ? $"{compact[..5]}-{compact[5..]}" : compact;
    }

    /// <summary>
    /// Formats a Base32 shared key for reading and typing: lower case, in groups of four
    /// characters separated by spaces, as the Identity UI's own set-up page shows it.
    /// </summary>
    public static string FormatSharedKey(string key)
    {
        var builder = new StringBuilder(key.Length + key.Length / 4);
        for (var index = 0; index < key.Length; index++)
        {
            if (index > 0 && index % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(key[index]));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Builds the otpauth:// URI that authenticator apps read from a QR code, in the key URI
    /// format that Google Authenticator defined and other apps follow: the label is
    /// "issuer:account", and the parameters name the key, the issuer and six digits.
    /// </summary>
    public static string AuthenticatorUri(string issuer, string account, string key)
    {
        var label = $"{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}";
        return $"otpauth://totp/{label}?secret={Uri.EscapeDataString(key)}&issuer={Uri.EscapeDataString(issuer)}&digits={AuthenticatorCodeLength}";
    }

    private static string RemoveSeparators(string typed) =>
        new([.. typed.Where(character => !char.IsWhiteSpace(character) && character != '-')]);
}

using System.Security.Cryptography;
using System.Text;

namespace ConferenceApp.Features.Accounts;

/// <summary>
/// A short hash of an email address for the log, so that the attempts on one address can be
/// found together without writing the address itself. The hash is not keyed, so anyone with
/// an address can compute its hash and search the log for it. An operator looks into a complaint
/// about one account that way.
/// </summary>
public static class EmailHash
{
    /// <summary>Returns the first 12 hex digits of the SHA-256 of the trimmed, upper-case address; "none" for a missing one.</summary>
    public static string Of(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "none";
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant()));
        return Convert.ToHexStringLower(bytes)[..12];
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ConferenceApp.Testing;

/// <summary>
/// Computes authenticator codes as an authenticator app does (RFC 6238: HMAC-SHA1 over the
/// number of 30-second steps since the Unix epoch, truncated to 6 digits as RFC 4226 section
/// 5.3 describes), so that tests sign in without mocking Identity.
/// </summary>
public static class Totp
{
    private const int StepSeconds = 30;

    /// <summary>Returns the code for <paramref name="sharedKey"/> (Base32, spaces and case ignored) at <paramref name="at"/>.</summary>
    public static string Code(string sharedKey, DateTimeOffset at)
    {
        var step = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(step, at.ToUnixTimeSeconds() / StepSeconds);
        // Authenticator apps and Identity's authenticator provider use HMAC-SHA1, so the test must too.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(Base32Decode(sharedKey), step);
#pragma warning restore CA5350

        var offset = hash[^1] & 0x0F;
        var number = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Returns the code for <paramref name="sharedKey"/> now.</summary>
    public static string Code(string sharedKey) => Code(sharedKey, DateTimeOffset.UtcNow);

    // RFC 4648 Base32 without padding, as authenticator keys are written.
    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        var buffer = 0;
        var bitCount = 0;

        foreach (var character in text.ToUpperInvariant())
        {
            if (character is ' ' or '=')
            {
                continue;
            }

            var value = alphabet.IndexOf(character, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{character}' is not a Base32 character.");
            }

            buffer = (buffer << 5) | value;
            bitCount += 5;
            if (bitCount >= 8)
            {
                bitCount -= 8;
                bytes.Add((byte)(buffer >> bitCount));
                buffer &= (1 << bitCount) - 1;
            }
        }

        return [.. bytes];
    }
}

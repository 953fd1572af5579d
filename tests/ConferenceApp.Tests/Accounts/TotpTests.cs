using ConferenceApp.Testing;

namespace ConferenceApp.Tests.Accounts;

/// <summary>The test's own authenticator code function, checked against the SHA-1 vectors of RFC 6238 appendix B.</summary>
public sealed class TotpTests
{
    // The ASCII key "12345678901234567890" in Base32.
    private const string Rfc6238Key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(20000000000, "353130")]
    public void Code_matches_rfc_vectors(long unixSeconds, string expected)
    {
        Assert.Equal(expected, Totp.Code(Rfc6238Key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void Code_ignores_spaces_and_case()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(59);

        Assert.Equal(Totp.Code(Rfc6238Key, at), Totp.Code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", at));
    }
}

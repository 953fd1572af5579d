using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class TwoFactorCodesTests
{
    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("123-456", "123456")]
    public void Authenticator_code_drops_separators(string typed, string expected)
    {
        Assert.Equal(expected, TwoFactorCodes.NormalizeAuthenticatorCode(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("١٢٣٤٥٦")]
    public void Authenticator_code_rejects_malformed(string? typed)
    {
        Assert.Null(TwoFactorCodes.NormalizeAuthenticatorCode(typed));
    }

    [Theory]
    [InlineData("ABCDE-FGH23", "ABCDE-FGH23")]
    [InlineData("abcde-fgh23", "ABCDE-FGH23")]
    [InlineData("abcdefgh23", "ABCDE-FGH23")]
    [InlineData(" abcde fgh23 ", "ABCDE-FGH23")]
    [InlineData("abc", "ABC")]
    public void Recovery_code_matches_stored_form(string typed, string expected)
    {
        Assert.Equal(expected, TwoFactorCodes.NormalizeRecoveryCode(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" - ")]
    public void Recovery_code_without_characters_is_null(string? typed)
    {
        Assert.Null(TwoFactorCodes.NormalizeRecoveryCode(typed));
    }

    [Fact]
    public void Shared_key_in_groups_of_four()
    {
        Assert.Equal("abcd efgh ijkl mn", TwoFactorCodes.FormatSharedKey("ABCDEFGHIJKLMN"));
    }

    [Fact]
    public void Authenticator_uri_escapes_label()
    {
        var uri = TwoFactorCodes.AuthenticatorUri("Conference App", "ada+2fa@example.org", "JBSWY3DPEHPK3PXP");

        Assert.Equal(
            "otpauth://totp/Conference%20App:ada%2B2fa%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Conference%20App&digits=6",
            uri);
    }
}

using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("HE", "he")]
    [InlineData("de-ch", "de-CH")]
    [InlineData("de_CH", "de-CH")]
    [InlineData(" pt-BR ", "pt-BR")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("sr-LATN", "sr-Latn")]
    [InlineData("es-419", "es-419")]
    [InlineData("sl-rozaj-biske", "sl-rozaj-biske")]
    [InlineData("de-CH-1996", "de-CH-1996")]
    [InlineData("zh-yue-HK", "zh-yue-HK")]
    [InlineData("en-US-u-ca-gregory", "en-US-u-ca-gregory")]
    [InlineData("en-x-Pirate", "en-x-pirate")]
    [InlineData("gsw", "gsw")]
    public void TryNormalize_accepts_tag(string value, string expected)
    {
        Assert.True(LanguageTag.TryNormalize(value, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryNormalize_blank_is_null(string? value)
    {
        Assert.True(LanguageTag.TryNormalize(value, out var normalized));
        Assert.Null(normalized);
    }

    [Theory]
    [InlineData("English")]
    [InlineData("e")]
    [InlineData("engl")]
    [InlineData("en-")]
    [InlineData("en--US")]
    [InlineData("en US")]
    [InlineData("de-CH-x")]
    [InlineData("en-u")]
    [InlineData("en-US-US")]
    [InlineData("עברית")]
    [InlineData("en-<script>")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnop")]
    public void TryNormalize_rejects_malformed_tag(string value)
    {
        Assert.False(LanguageTag.TryNormalize(value, out var normalized));
        Assert.Null(normalized);
    }
}

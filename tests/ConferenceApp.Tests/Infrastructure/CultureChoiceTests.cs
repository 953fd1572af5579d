using ConferenceApp.Infrastructure.Localization;
using Microsoft.AspNetCore.Http;

namespace ConferenceApp.Tests.Infrastructure;

public sealed class CultureChoiceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void Empty_setting_gives_english_only(string? configured)
    {
        var choice = CultureChoice.Parse(configured);

        Assert.Equal(["en"], choice.Cultures.Select(c => c.Name));
        Assert.False(choice.OffersChoice);
    }

    [Theory]
    [InlineData("en,he")]
    [InlineData(" en ; he ")]
    public void List_keeps_order_with_default_first(string configured)
    {
        var choice = CultureChoice.Parse(configured);

        Assert.Equal(["en", "he"], choice.Cultures.Select(c => c.Name));
        Assert.Equal("en", choice.Default.Name);
        Assert.True(choice.OffersChoice);
    }

    [Theory]
    [InlineData("en,xx-nothing")]
    [InlineData("en,<script>")]
    public void Unknown_culture_is_rejected_naming_key(string configured)
    {
        var error = Assert.Throws<FormatException>(() => CultureChoice.Parse(configured));

        Assert.Contains(CultureChoice.ConfigurationKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_culture_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => CultureChoice.Parse("en,he,HE"));

        Assert.Contains("\"he\" twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("he", "he")]
    [InlineData("HE", "he")]
    [InlineData("he-IL", "he")]
    [InlineData("en-GB", "en")]
    [InlineData("en", "en")]
    public void Match_finds_culture_or_parent(string requested, string expected)
    {
        var choice = CultureChoice.Parse("en,he");

        Assert.Equal(expected, choice.Match(requested)?.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fr")]
    [InlineData("xx-nothing")]
    [InlineData("../he")]
    [InlineData("c=he|uic=he")]
    public void Match_rejects_unsupported_names(string? requested)
    {
        var choice = CultureChoice.Parse("en,he");

        Assert.Null(choice.Match(requested));
    }

    [Fact]
    public async Task Cookie_sets_language_not_formatting()
    {
        var provider = new CultureCookieProvider(CultureChoice.Parse("en,he"));
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = "culture=he";

        var result = await provider.DetermineProviderCultureResult(http);

        Assert.NotNull(result);
        Assert.Equal("he", Assert.Single(result.UICultures).Value);
        Assert.Equal("en", Assert.Single(result.Cultures).Value);
    }

    [Theory]
    [InlineData("culture=fr")]
    [InlineData("other=he")]
    public async Task Cookie_without_supported_culture_passes(string cookie)
    {
        var provider = new CultureCookieProvider(CultureChoice.Parse("en,he"));
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = cookie;

        Assert.Null(await provider.DetermineProviderCultureResult(http));
    }
}

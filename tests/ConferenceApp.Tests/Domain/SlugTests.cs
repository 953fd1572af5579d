using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class SlugTests
{
    [Fact]
    public void From_drops_accents()
    {
        Assert.Equal("cafe-creme-brulee", Slug.From("Café Crème Brûlée"));
    }

    [Fact]
    public void From_turns_typographic_quotes_into_hyphens()
    {
        var slug = Slug.From("“Every Breath You Take…I'll Be Watching You:” The Sensitive Side");

        Assert.Equal("every-breath-you-take-i-ll-be-watching-you-the-sensitive-side", slug);
    }

    [Fact]
    public void From_joins_runs_of_separators()
    {
        Assert.Equal("lunch-poster-session", Slug.From("  Lunch & poster -- session!  "));
    }

    [Fact]
    public void From_non_latin_title_gives_item()
    {
        Assert.Equal("item", Slug.From("מדע הנתונים"));
    }

    [Fact]
    public void From_cuts_long_text_at_hyphen()
    {
        // Ten 9-letter words make a 99-character slug with hyphens at 9, 19, …, 79.
        var words = Enumerable.Repeat("abcdefghi", 10).ToList();

        var slug = Slug.From(string.Join(" ", words));

        Assert.Equal(string.Join("-", words.Take(8)), slug);
        Assert.Equal(79, slug.Length);
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void From_cuts_one_long_word_at_max()
    {
        var slug = Slug.From(new string('a', 100));

        Assert.Equal(new string('a', Slug.MaxLength), slug);
    }

    [Theory]
    [InlineData("wids-tlv-2023")]
    [InlineData("a")]
    [InlineData("2023")]
    public void IsValid_accepts_lower_case_words(string value)
    {
        Assert.True(Slug.IsValid(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("WiDS")]
    [InlineData("wids--tlv")]
    [InlineData("-wids")]
    [InlineData("wids-")]
    [InlineData("wids tlv")]
    [InlineData("café")]
    [InlineData(null)]
    public void IsValid_rejects_other_values(string? value)
    {
        Assert.False(Slug.IsValid(value));
    }

    [Fact]
    public void IsValid_accepts_exactly_max_length()
    {
        Assert.True(Slug.IsValid(new string('a', Slug.MaxLength)));
    }

    [Fact]
    public void IsValid_rejects_one_over_max()
    {
        Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));
    }

    [Fact]
    public void From_transliterates_undecomposable_letters()
    {
        Assert.Equal("dvorak-lukasz-strasse", Slug.From("Dvořák Łukasz Straße"));
    }

    [Fact]
    public void From_uses_fallback_for_hebrew()
    {
        Assert.Equal("speaker", Slug.From("אלמוג גואטה", "speaker"));
    }
}

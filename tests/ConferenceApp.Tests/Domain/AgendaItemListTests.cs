using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class AgendaItemListTests
{
    [Theory]
    [InlineData("talk-1", AgendaItemKind.Talk, 1)]
    [InlineData("talk-12", AgendaItemKind.Talk, 12)]
    [InlineData("session-7", AgendaItemKind.Session, 7)]
    [InlineData("session-2147483647", AgendaItemKind.Session, int.MaxValue)]
    public void Key_parses_valid_forms(string text, AgendaItemKind kind, int id)
    {
        Assert.True(AgendaItemKey.TryParse(text, out var key));
        Assert.Equal(new AgendaItemKey(kind, id), key);
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("talk-")]
    [InlineData("talk-0")]
    [InlineData("talk-012")]
    [InlineData("talk--1")]
    [InlineData("talk-+1")]
    [InlineData("talk-1 ")]
    [InlineData(" talk-1")]
    [InlineData("TALK-1")]
    [InlineData("speaker-1")]
    [InlineData("session-2147483648")]
    [InlineData("talk-١٢")]
    [InlineData("talk-1,talk-2")]
    [InlineData("<script>alert(1)</script>")]
    public void Key_rejects_other_text(string? text)
    {
        Assert.False(AgendaItemKey.TryParse(text, out _));
    }

    [Fact]
    public void Validate_drops_repeats_in_order()
    {
        var keys = AgendaItemList.Validate(["talk-3", "session-9", "talk-3", "talk-1"], maxCount: 10);

        Assert.Equal([AgendaItemKey.Talk(3), AgendaItemKey.Session(9), AgendaItemKey.Talk(1)], keys);
    }

    [Fact]
    public void Validate_accepts_empty_list()
    {
        Assert.Empty(AgendaItemList.Validate([], maxCount: 0));
    }

    [Fact]
    public void Validate_names_invalid_entries()
    {
        var exception = Assert.Throws<DomainValidationException>(() => AgendaItemList.Validate(["talk-1", "talk-x", null], maxCount: 10));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("Entry 2 (\"talk-x\")", exception.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Entry 3 (not a string)", exception.Errors[1].Message, StringComparison.Ordinal);
        Assert.All(exception.Errors, e => Assert.Equal(AgendaItemList.Field, e.Field));
    }

    [Fact]
    public void Validate_summarizes_many_invalid_entries()
    {
        var entries = Enumerable.Range(0, 50).Select(i => (string?)$"bad-{i}").ToList();

        var exception = Assert.Throws<DomainValidationException>(() => AgendaItemList.Validate(entries, maxCount: 100));

        Assert.Equal(6, exception.Errors.Count);
        Assert.Equal("45 more entries are not item keys.", exception.Errors[^1].Message);
    }

    [Fact]
    public void Validate_does_not_echo_long_entry()
    {
        var exception = Assert.Throws<DomainValidationException>(() => AgendaItemList.Validate([new string('x', 5000)], maxCount: 10));

        Assert.Contains("a text of 5000 characters", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxxxxxxxx", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_more_than_max()
    {
        var entries = Enumerable.Range(1, 11).Select(i => (string?)$"talk-{i}").ToList();

        var exception = Assert.Throws<DomainValidationException>(() => AgendaItemList.Validate(entries, maxCount: 10));

        Assert.Equal("The list has 11 items; at most 10 are allowed for this program.", Assert.Single(exception.Errors).Message);
    }

    [Fact]
    public void Validate_counts_repeats_once()
    {
        var entries = Enumerable.Repeat((string?)"talk-1", 50).ToList();

        Assert.Single(AgendaItemList.Validate(entries, maxCount: 1));
    }

    [Fact]
    public void Max_count_allows_removed_items()
    {
        Assert.Equal(800 + AgendaItemList.RemovedItemAllowance, AgendaItemList.MaxCount(800));
        Assert.Equal(AgendaItemList.RemovedItemAllowance, AgendaItemList.MaxCount(0));
    }

    [Fact]
    public void Link_skips_invalid_entries()
    {
        var (keys, skipped) = AgendaItemList.ParseLink("talk-12, talk-15,,bogus,talk-12,session-3", maxCount: 10);

        Assert.Equal([AgendaItemKey.Talk(12), AgendaItemKey.Talk(15), AgendaItemKey.Session(3)], keys);
        Assert.Equal(1, skipped);
    }

    [Fact]
    public void Link_stops_at_max_count()
    {
        var (keys, skipped) = AgendaItemList.ParseLink("talk-1,talk-2,talk-3,talk-1", maxCount: 2);

        Assert.Equal([AgendaItemKey.Talk(1), AgendaItemKey.Talk(2)], keys);
        Assert.Equal(1, skipped);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Link_without_items_is_empty(string? text)
    {
        var (keys, skipped) = AgendaItemList.ParseLink(text, maxCount: 10);

        Assert.Empty(keys);
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void Join_writes_link_form()
    {
        Assert.Equal("talk-3,session-9", AgendaItemList.Join([AgendaItemKey.Talk(3), AgendaItemKey.Session(9)]));
    }

    [Fact]
    public void Token_is_random_and_hashed()
    {
        var (first, firstToken) = PersonalAgenda.Create(1, [AgendaItemKey.Talk(1)], DateTime.UtcNow);
        var (second, secondToken) = PersonalAgenda.Create(1, [AgendaItemKey.Talk(1)], DateTime.UtcNow);

        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal(PersonalAgenda.TokenLength, firstToken.Length);
        Assert.True(PersonalAgenda.IsWellFormedToken(firstToken));
        Assert.Equal(PersonalAgenda.HashToken(firstToken), first.TokenHash);
        Assert.Matches("^[0-9a-f]{64}$", first.TokenHash);
        Assert.DoesNotContain(firstToken, first.TokenHash, StringComparison.Ordinal);
        Assert.NotEqual(first.TokenHash, second.TokenHash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Token_form_is_checked(string? token)
    {
        Assert.False(PersonalAgenda.IsWellFormedToken(token));
    }

    [Fact]
    public void Replace_items_updates_list()
    {
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var (agenda, _) = PersonalAgenda.Create(1, [AgendaItemKey.Talk(1)], created);

        agenda.ReplaceItems([AgendaItemKey.Session(4), AgendaItemKey.Talk(2)], created.AddHours(1));

        Assert.Equal("session-4,talk-2", agenda.ItemKeys);
        Assert.Equal([AgendaItemKey.Session(4), AgendaItemKey.Talk(2)], agenda.Items);
        Assert.Equal(created, agenda.CreatedAtUtc);
        Assert.Equal(created.AddHours(1), agenda.UpdatedAtUtc);
    }
}

using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class TextTests
{
    [Theory]
    [InlineData("Lightning talks", "“Lightning talks”")]
    [InlineData("“Every Breath You Take” and more", "“Every Breath You Take” and more")]
    [InlineData("\"Quoted\" talk", "\"Quoted\" talk")]
    [InlineData("«Bonjour»", "«Bonjour»")]
    [InlineData("„Guten Tag“", "„Guten Tag“")]
    [InlineData("'Single' quotes", "'Single' quotes")]
    [InlineData("It’s late", "“It’s late”")]
    [InlineData("", "“”")]
    public void Quoted_adds_marks_only_when_missing(string title, string expected)
    {
        Assert.Equal(expected, Text.Quoted(title));
    }

    [Fact]
    public void Clean_keeps_inner_typographic_characters()
    {
        Assert.Equal("“Lightning talks” – round 2…", Text.Clean("  “Lightning talks” – round 2…\t"));
    }

    [Fact]
    public void Clean_keeps_straight_and_curly_apostrophes()
    {
        Assert.Equal("It’s Almog's talk", Text.Clean("It’s Almog's talk"));
    }

    [Fact]
    public void Clean_keeps_inner_line_breaks()
    {
        Assert.Equal("First.\n\nSecond.", Text.Clean("\nFirst.\n\nSecond.\n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t\n ")]
    public void Clean_blank_gives_null(string? value)
    {
        Assert.Null(Text.Clean(value));
    }

    [Fact]
    public void CleanMultiline_normalizes_line_breaks()
    {
        Assert.Equal("a\nb\nc", Text.CleanMultiline("a\r\nb\rc"));
    }

    [Theory]
    [InlineData("x\u202Eevil.exe\u202C")]
    [InlineData("x\u202Aevil\u202B.exe")]
    [InlineData("x\u2066evil\u2067.exe\u2068\u2069")]
    public void Clean_removes_direction_overrides(string typed)
    {
        Assert.Equal("xevil.exe", Text.Clean(typed));
    }

    [Fact]
    public void Clean_keeps_hebrew_and_direction_marks()
    {
        const string hebrew = "חוקרת\u200F בטכניון";

        Assert.Equal(hebrew, Text.Clean(hebrew));
    }

    [Theory]
    [InlineData("Bell\u0007 talk", "Bell talk")]
    [InlineData("Nul\u0000l", "Null")]
    [InlineData("Esc\u001B[31m red", "Esc[31m red")]
    [InlineData("Delete\u007F me", "Delete me")]
    [InlineData("C1\u0085 next line", "C1 next line")]
    [InlineData("Tab\tand\nbreak", "Tab\tand\nbreak")]
    public void Clean_removes_control_characters(string value, string expected)
    {
        Assert.Equal(expected, Text.Clean(value));
    }

    [Fact]
    public void Clean_control_characters_only_gives_null()
    {
        Assert.Null(Text.Clean("\u0001\u0002"));
    }
}

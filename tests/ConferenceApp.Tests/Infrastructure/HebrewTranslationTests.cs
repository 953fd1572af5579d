using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Infrastructure;

/// <summary>
/// The Hebrew interface text as it ships in the satellite assembly, checked against the keys that
/// the compiled views and classes look up.
/// </summary>
public sealed partial class HebrewTranslationTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Keys = new(() => InterfaceTextKeys.Find(typeof(SharedResource).Assembly));

    private static readonly Lazy<Dictionary<string, string>> Hebrew = new(ReadHebrew);

    [Fact]
    public void Every_key_has_hebrew_text()
    {
        var missing = Keys.Value
            .Where(key => !Hebrew.Value.TryGetValue(key.Key, out var text) || string.IsNullOrWhiteSpace(text))
            .OrderBy(key => key.Value, StringComparer.Ordinal)
            .ThenBy(key => key.Key, StringComparer.Ordinal)
            .Select(key => $"  {key.Value}: \"{key.Key}\"")
            .ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} keys have no Hebrew text in Resources/SharedResource.he.resx:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void Hebrew_keeps_placeholders()
    {
        var changed = Hebrew.Value
            .Where(entry => !Placeholders(entry.Key).SequenceEqual(Placeholders(entry.Value)))
            .Select(entry => $"  \"{entry.Key}\": [{string.Join(' ', Placeholders(entry.Key))}] became [{string.Join(' ', Placeholders(entry.Value))}] in \"{entry.Value}\"")
            .ToList();

        Assert.True(changed.Count == 0, $"{changed.Count} Hebrew texts lose or add a placeholder:\n{string.Join('\n', changed)}");
    }

    [Fact]
    public void Keys_differ_beyond_letter_case()
    {
        // A .resx keeps only the first of two names that differ in letter case alone (MSBuild warning
        // MSB3568), and the lookup is case-sensitive, so the other key would show in English.
        var clashes = Keys.Value.Keys
            .GroupBy(key => key, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => "  " + string.Join(" / ", group.Select(key => $"\"{key}\" ({Keys.Value[key]})")))
            .ToList();

        Assert.True(clashes.Count == 0, $"{clashes.Count} keys differ from another only in letter case; give one of each pair other words:\n{string.Join('\n', clashes)}");
    }

    // Guards the key analysis itself: each case is a different way that text reaches the localizer.
    [Theory]
    [InlineData("Skip to content")] // a view
    [InlineData("Every published release of {0}, newest first.")] // T.Html in a view
    [InlineData("The language \"{0}\" is not offered here. Choose one of: {1}.")] // a controller's injected localizer
    [InlineData("Moved the talk.")] // HttpContext.InterfaceText()
    [InlineData("Page not found")] // a title chosen in a property and passed to the localizer
    [InlineData("Keynote")] // an enum's label returned by a method
    [InlineData("The time zone \"{0}\" is unknown.")] // FieldError.Format
    [InlineData("The last day must not be before the first day.")] // new FieldError
    [InlineData("Enter a whole number.")] // a model binding message
    [InlineData("Enter your email address.")] // a validation attribute
    [InlineData("Setup token")] // a display name
    public void Analysis_finds_key(string key)
    {
        Assert.Contains(key, Keys.Value.Keys);
    }

    private static Dictionary<string, string> ReadHebrew()
    {
        var resources = new ResourceManager("ConferenceApp.Resources.SharedResource", typeof(SharedResource).Assembly);
        var set = resources.GetResourceSet(CultureInfo.GetCultureInfo("he"), createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException("The Hebrew satellite assembly (he/ConferenceApp.resources.dll) is missing from the test output.");
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);
    }

    // The distinct composite-format items, such as {0} or {1:HH:mm}, sorted; an escaped {{ is not one.
    private static List<string> Placeholders(string text) =>
        [.. FormatItem().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(match => match.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(,-?\d+)?(:[^{}]*)?\}")]
    private static partial Regex FormatItem();
}

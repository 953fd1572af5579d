using System.Globalization;

namespace ConferenceApp.Infrastructure.Localization;

/// <summary>
/// The languages of the interface, from <c>Localization:SupportedCultures</c>, and the rules that
/// match a requested culture name (from the culture cookie or a chooser form) against them.
/// </summary>
/// <remarks>The first culture is the default, which a request gets when nothing it sends matches.</remarks>
public sealed class CultureChoice
{
    /// <summary>The configuration key: culture names separated by commas, such as "en,he".</summary>
    public const string ConfigurationKey = "Localization:SupportedCultures";

    /// <summary>The cookie that stores a visitor's chosen language as a plain culture name, such as "he".</summary>
    public const string CookieName = "culture";

    private CultureChoice(IReadOnlyList<CultureInfo> cultures)
    {
        Cultures = cultures;
    }

    /// <summary>The supported cultures, the default first.</summary>
    public IReadOnlyList<CultureInfo> Cultures { get; }

    /// <summary>The culture a request gets when it requests none that is supported.</summary>
    public CultureInfo Default => Cultures[0];

    /// <summary>Whether visitors have a choice, which is when the language chooser appears.</summary>
    public bool OffersChoice => Cultures.Count > 1;

    /// <summary>
    /// Parses the configured value: names separated by commas or semicolons, each a culture that
    /// .NET supports, without repeats. An empty or missing value means English only.
    /// </summary>
    /// <exception cref="FormatException">A name is not a known culture, or a culture is listed twice; the message names the key and the value.</exception>
    public static CultureChoice Parse(string? configured)
    {
        var names = (configured ?? "")
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            return new CultureChoice([CultureInfo.GetCultureInfo("en")]);
        }

        var cultures = new List<CultureInfo>();
        foreach (var name in names)
        {
            var culture = KnownCulture(name)
                ?? throw new FormatException($"{ConfigurationKey} contains \"{name}\", which is not a known culture name. Use names such as \"en\" or \"he\", separated by commas.");
            if (cultures.Any(c => c.Name.Equals(culture.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FormatException($"{ConfigurationKey} lists \"{culture.Name}\" twice. List each culture once.");
            }

            cultures.Add(culture);
        }

        return new CultureChoice(cultures);
    }

    /// <summary>
    /// Returns the supported culture for a requested name: the same culture, or else its parent
    /// ("he-IL" gives "he" when only "he" is supported). Returns null for an empty, unknown or
    /// unsupported name, so the caller falls back to the next source or the default.
    /// </summary>
    public CultureInfo? Match(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested) || KnownCulture(requested.Trim()) is not { } culture)
        {
            return null;
        }

        for (var candidate = culture; !string.IsNullOrEmpty(candidate.Name); candidate = candidate.Parent)
        {
            var supported = Cultures.FirstOrDefault(c => c.Name.Equals(candidate.Name, StringComparison.OrdinalIgnoreCase));
            if (supported is not null)
            {
                return supported;
            }
        }

        return null;
    }

    // .NET with ICU accepts any well-formed tag and makes up a culture for it, so a name counts
    // only when it is in the list of cultures that ICU provides.
    private static readonly Lazy<Dictionary<string, CultureInfo>> AllCultures = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures)
            .Where(c => !string.IsNullOrEmpty(c.Name))
            .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase));

    private static CultureInfo? KnownCulture(string name) =>
        AllCultures.Value.TryGetValue(name.Replace('_', '-'), out var culture) ? culture : null;
}

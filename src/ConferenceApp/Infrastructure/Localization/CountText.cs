using Microsoft.Extensions.Localization;

namespace ConferenceApp.Infrastructure.Localization;

/// <summary>Translates a sentence that names a number, whose words differ between one and any other number.</summary>
public static class CountText
{
    /// <summary>
    /// Returns the translation of <paramref name="one"/> when <paramref name="count"/> is 1, else the
    /// translation of <paramref name="other"/> with the number in its {0}, as in
    /// <c>T.Count(n, "1 conflict", "{0} conflicts")</c>.
    /// </summary>
    public static LocalizedString Count(this IStringLocalizer localizer, int count, string one, string other) =>
        count == 1 ? localizer[one] : localizer[other, count];
}

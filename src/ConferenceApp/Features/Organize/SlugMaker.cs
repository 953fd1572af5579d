using ConferenceApp.Domain;

namespace ConferenceApp.Features.Organize;

/// <summary>Makes the URL name of a new row when the organizer left it empty.</summary>
public static class SlugMaker
{
    /// <summary>
    /// Returns <paramref name="typed"/> when the organizer gave one (it is then checked as typed),
    /// else a slug made from <paramref name="text"/>, with "-2", "-3"… appended until
    /// <paramref name="isTaken"/> returns false for it. Returns null when both are empty.
    /// </summary>
    public static async Task<string?> ChooseAsync(string? typed, string? text, string fallback, Func<string, Task<bool>> isTaken)
    {
        if (Text.Clean(typed) is { } given)
        {
            return given;
        }

        if (Text.Clean(text) is not { } source)
        {
            return null;
        }

        var baseSlug = Slug.From(source, fallback);
        var candidate = baseSlug;
        for (var suffix = 2; await isTaken(candidate) && suffix < 1_000; suffix++)
        {
            var tail = $"-{suffix}";
            candidate = (baseSlug.Length + tail.Length > Slug.MaxLength ? baseSlug[..(Slug.MaxLength - tail.Length)].TrimEnd('-') : baseSlug) + tail;
        }

        return candidate;
    }
}

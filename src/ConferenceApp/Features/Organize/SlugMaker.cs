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

        var made = Slug.From(source, fallback);
        var candidate = made;
        for (var suffix = 2; await isTaken(candidate) && suffix < 1_000; suffix++)
        {
            var tail = $"-{suffix}";
            candidate = (made.Length + tail.Length > Slug.MaxLength ? made[..(Slug.MaxLength - tail.Length)].TrimEnd('-') : made) + tail;
        }

        return candidate;
    }
}

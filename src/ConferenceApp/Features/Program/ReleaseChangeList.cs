using ConferenceApp.Domain;

namespace ConferenceApp.Features.Program;

/// <summary>The changes of one release grouped as the changelog and the publish form show them: added, removed, moved, renamed.</summary>
public sealed record ReleaseChangeList(IReadOnlyList<ChangeGroup> Groups)
{
    public bool IsEmpty => Groups.Count == 0;

    /// <summary>
    /// Groups <paramref name="changes"/> by kind and describes their placements. A talk gets a link
    /// to its page when <paramref name="talkSlugs"/> (the talks public now, by id) contains it.
    /// </summary>
    public static ReleaseChangeList From(IReadOnlyList<ReleaseChange> changes, string conferenceSlug, IReadOnlyDictionary<int, string> talkSlugs)
    {
        var groups = new List<ChangeGroup>();
        foreach (var kind in new[] { ReleaseChangeKind.Added, ReleaseChangeKind.Removed, ReleaseChangeKind.Moved, ReleaseChangeKind.Renamed })
        {
            var lines = changes
                .Where(c => c.Kind == kind)
                .Select(c => new ChangeLine(c.Kind, c.Title, c.OldTitle, Describe(c.Before), Describe(c.After), TalkUrl(c.Key, conferenceSlug, talkSlugs)))
                .ToList();
            if (lines.Count > 0)
            {
                groups.Add(new ChangeGroup(kind, lines));
            }
        }

        return new ReleaseChangeList(groups);
    }

    /// <summary>Returns the day, times and room of <paramref name="placement"/>, or null when it is null.</summary>
    public static PlacementText? Describe(ItemPlacement? placement)
    {
        if (placement is null)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(placement.Start).ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"));
        var time = $"{TimeFormat.Clock(placement.Start)}–{TimeFormat.Clock(placement.End)}{TimeFormat.NextDayMark(placement.Start, placement.End)}";
        return new PlacementText($"{day}, {time}", placement.RoomName);
    }

    /// <summary>Returns the talk id of a "talk:{id}" key, or null for a session key.</summary>
    public static int? TalkIdOf(string key) =>
        key.StartsWith("talk:", StringComparison.Ordinal) && int.TryParse(key.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? TalkUrl(string key, string conferenceSlug, IReadOnlyDictionary<int, string> talkSlugs) =>
        TalkIdOf(key) is { } id && talkSlugs.TryGetValue(id, out var slug) ? $"/{conferenceSlug}/talks/{slug}" : null;
}

public sealed record ChangeGroup(ReleaseChangeKind Kind, IReadOnlyList<ChangeLine> Lines)
{
    public string Heading => Kind switch
    {
        ReleaseChangeKind.Added => "Added",
        ReleaseChangeKind.Removed => "Removed",
        ReleaseChangeKind.Moved => "Moved",
        _ => "Renamed",
    };
}

/// <summary>One change as text: <see cref="Before"/> and <see cref="After"/> describe the placements; <see cref="Url"/> links a talk that is public now.</summary>
public sealed record ChangeLine(ReleaseChangeKind Kind, string Title, string? OldTitle, PlacementText? Before, PlacementText? After, string? Url);

/// <summary>
/// Where an item of a release is: <see cref="When"/> is "Thu 9 Mar 2023, 09:30–09:50", and
/// <see cref="RoomName"/> is null for an item across all rooms. Views add the room in the
/// visitor's language.
/// </summary>
public sealed record PlacementText(string When, string? RoomName)
{
    /// <summary>Returns the English text that the Atom feed writes, such as "Thu 9 Mar 2023, 09:30–09:50 · all rooms".</summary>
    public override string ToString() => $"{When} · {RoomName ?? "all rooms"}";
}

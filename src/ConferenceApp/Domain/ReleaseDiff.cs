namespace ConferenceApp.Domain;

/// <summary>What happened to a program item between two releases.</summary>
public enum ReleaseChangeKind
{
    Added = 0,
    Removed = 1,
    Moved = 2,
    Renamed = 3,
}

/// <summary>
/// When and where an item takes place: local times in the conference's zone, and the room's
/// name, or null for an item across all rooms.
/// </summary>
public sealed record ItemPlacement(DateTime Start, DateTime End, string? RoomName);

/// <summary>
/// A program item as one release shows it. <see cref="Key"/> is "talk:{id}" for a talk and
/// "session:{id}" for an item that is not a single talk (a break, a block, the opening words).
/// A null <see cref="Placement"/> means the item is not scheduled. <see cref="SpeakerIds"/> are
/// the talk's speakers or the session's people.
/// </summary>
public sealed record ReleasedItem(string Key, string Title, ItemPlacement? Placement, IReadOnlyList<int> SpeakerIds);

/// <summary>
/// One change between two releases. <see cref="Before"/> is the placement in the earlier
/// release and <see cref="After"/> in the later one; each is null where the item was not there.
/// <see cref="OldTitle"/> is set for a rename.
/// </summary>
public sealed record ReleaseChange(
    ReleaseChangeKind Kind,
    string Key,
    string Title,
    string? OldTitle,
    ItemPlacement? Before,
    ItemPlacement? After,
    IReadOnlyList<int> SpeakerIds);

/// <summary>
/// The comparison of two releases of a program, item by item, matched by <see cref="ReleasedItem.Key"/>.
/// An item only in the later release is added, and one only in the earlier is removed. An item
/// in both is moved when its time or room changed and renamed when its title changed. Both can
/// apply to one item, which then gives two changes. Items without a placement are not on the
/// program, so scheduling an item adds it and unscheduling it removes it.
/// </summary>
public static class ReleaseDiff
{
    /// <summary>
    /// Returns the changes from <paramref name="before"/> to <paramref name="after"/>, ordered by
    /// the time they concern (the new placement, else the old), then by title and key, so that
    /// the same two releases always list their changes in the same order.
    /// </summary>
    public static IReadOnlyList<ReleaseChange> Compare(IReadOnlyList<ReleasedItem> before, IReadOnlyList<ReleasedItem> after)
    {
        var earlier = Scheduled(before, nameof(before));
        var later = Scheduled(after, nameof(after));

        var changes = new List<ReleaseChange>();
        foreach (var item in later.Values)
        {
            if (!earlier.TryGetValue(item.Key, out var old))
            {
                changes.Add(new ReleaseChange(ReleaseChangeKind.Added, item.Key, item.Title, null, null, item.Placement, item.SpeakerIds));
                continue;
            }

            if (old.Placement != item.Placement)
            {
                changes.Add(new ReleaseChange(ReleaseChangeKind.Moved, item.Key, item.Title, null, old.Placement, item.Placement, item.SpeakerIds));
            }

            if (!string.Equals(old.Title, item.Title, StringComparison.Ordinal))
            {
                changes.Add(new ReleaseChange(ReleaseChangeKind.Renamed, item.Key, item.Title, old.Title, old.Placement, item.Placement, item.SpeakerIds));
            }
        }

        foreach (var old in earlier.Values.Where(old => !later.ContainsKey(old.Key)))
        {
            changes.Add(new ReleaseChange(ReleaseChangeKind.Removed, old.Key, old.Title, null, old.Placement, null, old.SpeakerIds));
        }

        return changes
            .OrderBy(change => (change.After ?? change.Before)!.Start)
            .ThenBy(change => change.Title, StringComparer.Ordinal)
            .ThenBy(change => change.Key, StringComparer.Ordinal)
            .ThenBy(change => change.Kind)
            .ToList();
    }

    // Keys are unique within a release, so a repeated key means the caller built the list wrongly.
    private static Dictionary<string, ReleasedItem> Scheduled(IReadOnlyList<ReleasedItem> items, string argument)
    {
        var byKey = new Dictionary<string, ReleasedItem>(StringComparer.Ordinal);
        foreach (var item in items.Where(item => item.Placement is not null))
        {
            if (!byKey.TryAdd(item.Key, item))
            {
                throw new ArgumentException($"Invalid release: the key {item.Key} appears twice.", argument);
            }
        }

        return byKey;
    }
}

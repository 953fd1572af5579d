namespace ConferenceApp.Domain;

/// <summary>
/// Lookups into an <see cref="ImportDraft"/> by id, source key and slot time, so that the planner
/// finds each item's match without scanning the draft's lists. Where two draft items share a key,
/// the lookup returns the first, as a search of the list in order would.
/// </summary>
internal sealed class ImportDraftIndex(ImportDraft draft)
{
    private readonly Dictionary<int, DraftRoom> _roomsById = FirstByKey(draft.Rooms, r => r.Id);
    private readonly Dictionary<int, DraftSlot> _slotsById = FirstByKey(draft.Slots, s => s.Id);
    private readonly Dictionary<(DateTime Start, DateTime End), DraftSlot> _slotsByTime = FirstByKey(draft.Slots, s => (s.Start, s.End));
    private readonly Dictionary<int, DraftSpeaker> _speakersById = FirstByKey(draft.Speakers, s => s.Id);
    private readonly Dictionary<int, DraftSession> _sessionsById = FirstByKey(draft.Sessions, s => s.Id);
    private readonly Dictionary<string, DraftSession> _sessionsByKey = FirstByKey(draft.Sessions, s => s.SourceKey, StringComparer.Ordinal);
    private readonly Dictionary<string, DraftTalk> _talksByKey = FirstByKey(draft.Talks, t => t.SourceKey, StringComparer.Ordinal);

    public DraftRoom? Room(int? id) => id is { } value ? _roomsById.GetValueOrDefault(value) : null;

    public DraftSlot? Slot(int? id) => id is { } value ? _slotsById.GetValueOrDefault(value) : null;

    /// <summary>Returns the slot from <paramref name="start"/> to <paramref name="end"/>, local times, or null.</summary>
    public DraftSlot? SlotAt(DateTime start, DateTime end) => _slotsByTime.GetValueOrDefault((start, end));

    public DraftSpeaker? Speaker(int id) => _speakersById.GetValueOrDefault(id);

    public DraftSession? Session(int id) => _sessionsById.GetValueOrDefault(id);

    public DraftSession? SessionWithKey(string sourceKey) => _sessionsByKey.GetValueOrDefault(sourceKey);

    public DraftTalk? TalkWithKey(string sourceKey) => _talksByKey.GetValueOrDefault(sourceKey);

    /// <summary>Indexes <paramref name="items"/> by a key, keeping the first item of each key and skipping null keys.</summary>
    public static Dictionary<TKey, T> FirstByKey<T, TKey>(IEnumerable<T> items, Func<T, TKey?> keyOf, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, T>(comparer);
        foreach (var item in items)
        {
            if (keyOf(item) is { } key)
            {
                index.TryAdd(key, item);
            }
        }

        return index;
    }
}

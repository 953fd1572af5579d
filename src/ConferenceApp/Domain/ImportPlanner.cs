using System.Globalization;

namespace ConferenceApp.Domain;

/// <summary>
/// Compares an imported program with a conference's draft and decides, item by item, what an
/// import would create, update, leave unchanged or reject. Items are matched by their source key
/// (rooms also by name, once, when the draft room has no key yet). Time slots are matched by their
/// local start and end.
/// </summary>
public static class ImportPlanner
{
    public static ImportPlan Plan(ImportedProgram program, ImportDraft draft)
    {
        draft = WithOwnKeys(program, draft);
        program = WithOwnItemKinds(program, draft);
        var clock = new ConferenceClock(draft.TimeZoneId);
        var notes = new List<string>();
        if (program.TimeZoneId is { } fileZone && !string.Equals(fileZone, draft.TimeZoneId, StringComparison.Ordinal))
        {
            notes.Add($"The file's times are in {fileZone}. They were converted to the conference's time zone, {draft.TimeZoneId}, so every item keeps its moment in time.");
        }

        notes.AddRange(program.Notes ?? []);

        var rooms = PlanRooms(program.Rooms, draft.Rooms);
        var speakers = PlanSpeakers(program.Speakers, draft.Speakers);

        var slots = new List<PlanRow<SlotValues>>();
        var sessions = new List<PlanRow<SessionValues>>();
        var talks = new List<PlanRow<TalkValues>>();
        foreach (var rejection in program.Rejections.Where(r => r.Kind != ImportItemKind.Line))
        {
            AddRejection(rejection, rooms, slots, speakers, sessions, talks);
        }

        var context = new EventContext(
            draft,
            new ImportDraftIndex(draft),
            clock,
            ImportDraftIndex.FirstByKey(rooms, r => r.Key, StringComparer.Ordinal),
            ImportDraftIndex.FirstByKey(speakers, s => s.Key, StringComparer.Ordinal),
            new HashSet<string>(slots.Select(s => s.Key), StringComparer.Ordinal));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in program.Events)
        {
            var reason = seen.Add(item.SourceKey) ? CheckEvent(item, context) : $"{item.Label}: the id {item.SourceKey} appears more than once in the file.";
            if (reason is not null)
            {
                sessions.Add(new PlanRow<SessionValues>(ImportAction.Rejected, item.SourceKey, item.Label, null, null, [], reason));
                continue;
            }

            var slot = SlotRow(item, context, slots);
            sessions.Add(SessionRow(item, slot, context));
            if (item.IsTalk)
            {
                talks.Add(TalkRow(item, context));
            }
        }

        // Slots are listed by time, whatever order the file has. Rejected rows have no values and stay last, in file order.
        var slotsByTime = slots.OrderBy(s => s.Values?.Start ?? DateTime.MaxValue).ThenBy(s => s.Values?.End ?? DateTime.MaxValue).ToList();
        var lines = program.Rejections.Where(r => r.Kind == ImportItemKind.Line).ToList();
        return new ImportPlan(rooms, slotsByTime, speakers, sessions, talks, notes, lines);
    }

    /// <summary>
    /// Gives the draft's items without a source key the keys of the conference's own frab export,
    /// when the file is that export: when one of its events has a key that only this conference's
    /// export gives. Person ids are plain numbers, so speakers are matched by id only then.
    /// </summary>
    private static ImportDraft WithOwnKeys(ImportedProgram program, ImportDraft draft)
    {
        if (draft.OwnKeys is not { } own)
        {
            return draft;
        }

        var eventKeys = own.Sessions.Values.Concat(own.Talks.Values).ToHashSet(StringComparer.Ordinal);
        if (!program.Events.Any(e => eventKeys.Contains(e.SourceKey)))
        {
            return draft;
        }

        return draft with
        {
            FromOwnExport = true,
            Sessions = [.. draft.Sessions.Select(s => s with { SourceKey = s.SourceKey ?? own.Sessions.GetValueOrDefault(s.Id) })],
            Talks = [.. draft.Talks.Select(t => t with { SourceKey = t.SourceKey ?? own.Talks.GetValueOrDefault(t.Id) })],
            Speakers = [.. draft.Speakers.Select(s => s with { SourceKey = s.SourceKey ?? own.Speakers.GetValueOrDefault(s.Id) })],
            Rooms = [.. draft.Rooms.Select(r => r with { SourceKey = r.SourceKey ?? $"frab:room:{r.Name}" })],
        };
    }

    /// <summary>
    /// Marks the events of the conference's own export that are sessions without talks
    /// (a break, a poster session) as such, whatever their type, so that no talk is made for them.
    /// </summary>
    private static ImportedProgram WithOwnItemKinds(ImportedProgram program, ImportDraft draft)
    {
        if (!draft.FromOwnExport)
        {
            return program;
        }

        var sessionsWithTalks = draft.Talks.Where(t => t.SessionId is not null).Select(t => t.SessionId!.Value).ToHashSet();
        var withoutTalks = draft.Sessions.Where(s => s.SourceKey is not null && !sessionsWithTalks.Contains(s.Id))
            .Select(s => s.SourceKey!).ToHashSet(StringComparer.Ordinal);
        return program with { Events = [.. program.Events.Select(e => withoutTalks.Contains(e.SourceKey) ? e with { IsTalk = false } : e)] };
    }

    /// <summary>
    /// Returns the block (a session of several talks) that holds the draft talk with the event's
    /// key, or null. An event of such a talk stays in its block: the export writes one event per
    /// talk of a block, and the block itself has no event to match.
    /// </summary>
    private static DraftSession? BlockOf(ImportedEvent item, EventContext context)
    {
        if (!item.IsTalk || context.Index.TalkWithKey(item.SourceKey) is not { SessionId: { } sessionId }
            || context.Index.SessionWithKey(item.SourceKey) is not null)
        {
            return null;
        }

        return context.Index.Session(sessionId) is { } session && context.Draft.Talks.Count(t => t.SessionId == sessionId) > 1 ? session : null;
    }

    /// <summary>The draft, its index, and the plan's room and speaker rows by key (the first row of each key), against which events are planned.</summary>
    private sealed record EventContext(
        ImportDraft Draft,
        ImportDraftIndex Index,
        ConferenceClock Clock,
        Dictionary<string, PlanRow<RoomValues>> Rooms,
        Dictionary<string, PlanRow<SpeakerValues>> Speakers,
        HashSet<string> SlotKeys);

    private static List<PlanRow<RoomValues>> PlanRooms(IReadOnlyList<ImportedRoom> imported, IReadOnlyList<DraftRoom> draft)
    {
        var rows = new List<PlanRow<RoomValues>>();
        var claimed = new HashSet<int>();
        foreach (var room in imported)
        {
            var name = Text.Clean(room.Name);
            var label = $"Room {name ?? room.SourceKey}";
            var errors = new List<FieldError>();
            Text.Check(errors, "Name", "The room name", name, Text.NameMaxLength, required: true);
            if (rows.Any(r => r.Key == room.SourceKey))
            {
                errors.Add(FieldError.Format("SourceKey", "The room id {0} appears more than once in the file.", room.SourceKey));
            }

            var match = draft.FirstOrDefault(d => d.SourceKey == room.SourceKey)
                ?? draft.FirstOrDefault(d => d.SourceKey is null && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
            if (errors.Count == 0 && match is not null && !claimed.Add(match.Id))
            {
                errors.Add(FieldError.Format("Name", "Another room of the file already matches the room {0}.", match.Name));
            }

            if (errors.Count == 0 && draft.Any(d => d != match && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(FieldError.Format("Name", "The conference already has another room named {0}, which came from a different source.", name));
            }

            if (errors.Count > 0)
            {
                rows.Add(new PlanRow<RoomValues>(ImportAction.Rejected, room.SourceKey, label, null, null, [], Reason(label, errors)));
                continue;
            }

            var values = new RoomValues(name!);
            var changes = new List<FieldChange>();
            if (match is not null)
            {
                AddChange(changes, "Name", match.Name, values.Name);
                AddChange(changes, "Source id", match.SourceKey, room.SourceKey);
            }

            rows.Add(Row(room.SourceKey, label, values, match?.Id, changes));
        }

        return rows;
    }

    private static List<PlanRow<SpeakerValues>> PlanSpeakers(IReadOnlyList<ImportedSpeaker> imported, IReadOnlyList<DraftSpeaker> draft)
    {
        var rows = new List<PlanRow<SpeakerValues>>();
        var claimed = new HashSet<int>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var draftByKey = ImportDraftIndex.FirstByKey(draft, d => d.SourceKey, StringComparer.Ordinal);
        var draftByEmail = ImportDraftIndex.FirstByKey(draft, d => d.Email, StringComparer.OrdinalIgnoreCase);
        foreach (var speaker in imported)
        {
            var name = Text.Clean(speaker.Name);
            var label = $"Speaker {name ?? speaker.SourceKey}";
            var email = Text.Clean(speaker.Email)?.ToLowerInvariant();
            var values = new SpeakerValues(name ?? "", email, Text.Clean(speaker.Headline), Text.CleanMultiline(speaker.Bio));

            var errors = new List<FieldError>();
            Text.Check(errors, "Name", "The name", name, Text.NameMaxLength, required: true);
            Text.Check(errors, "Headline", "The headline", values.Headline, Text.TitleMaxLength, required: false);
            Text.Check(errors, "Bio", "The bio", values.Bio, Text.LongTextMaxLength, required: false);
            if (email is not null && (email.Length > Speaker.EmailMaxLength || !email.Contains('@', StringComparison.Ordinal)))
            {
                errors.Add(FieldError.Format("Email", "the email address {0} is invalid", email));
            }

            if (!keys.Add(speaker.SourceKey))
            {
                errors.Add(FieldError.Format("SourceKey", "The speaker id {0} appears more than once in the file.", speaker.SourceKey));
            }

            // Matched by the id in the file, else by the address an earlier import stored.
            var match = draftByKey.GetValueOrDefault(speaker.SourceKey)
                ?? (email is null ? null : draftByEmail.GetValueOrDefault(email));
            if (errors.Count == 0 && match is not null && !claimed.Add(match.Id))
            {
                errors.Add(FieldError.Format("Email", "another person of the file already matches the speaker {0}", match.Name));
            }

            if (errors.Count > 0)
            {
                rows.Add(new PlanRow<SpeakerValues>(ImportAction.Rejected, speaker.SourceKey, label, null, null, [], Reason(label, errors)));
                continue;
            }

            var changes = new List<FieldChange>();
            if (match is not null)
            {
                AddChange(changes, "Name", match.Name, values.Name);
                AddChange(changes, "Headline", match.Headline, values.Headline ?? match.Headline);
                AddChange(changes, "Bio", match.Bio, values.Bio ?? match.Bio);
                AddChange(changes, "Email", match.Email, email ?? match.Email);
                AddChange(changes, "Source id", match.SourceKey, speaker.SourceKey);
            }

            rows.Add(Row(speaker.SourceKey, label, values, match?.Id, changes));
        }

        return rows;
    }

    /// <summary>Returns why an event cannot be imported, or null when it can.</summary>
    private static string? CheckEvent(ImportedEvent item, EventContext context)
    {
        var errors = new List<FieldError>();
        var title = Text.Clean(item.Title);
        Text.Check(errors, "Title", "The title", title, Text.TitleMaxLength, required: true);
        Text.Check(errors, "Abstract", "The abstract", Text.CleanMultiline(item.Abstract), Text.LongTextMaxLength, required: false);
        Text.Check(errors, "Track", "The track", Text.Clean(item.Track), Text.NameMaxLength, required: false);
        if (!LanguageTag.TryNormalize(Text.Clean(item.Language), out _))
        {
            errors.Add(new FieldError("Language", $"the language \"{Shorten(Text.Clean(item.Language)!)}\" is not a BCP 47 language tag such as en or de-CH"));
        }

        if (item.Duration <= TimeSpan.Zero || item.Duration > TimeSlot.MaxLength)
        {
            errors.Add(FieldError.Format("Duration", "the duration {0} must be more than 0 and at most 24 hours", Hours(item.Duration)));
        }

        var start = context.Clock.ToLocal(item.Start);
        var day = DateOnly.FromDateTime(start);
        if (day < context.Draft.StartDate || day > context.Draft.EndDate)
        {
            errors.Add(FieldError.Format("Start", "it starts on {0:yyyy-MM-dd} in {1}, which is not one of the conference's days ({2:yyyy-MM-dd} to {3:yyyy-MM-dd})", day, context.Draft.TimeZoneId, context.Draft.StartDate, context.Draft.EndDate));
        }

        if (item.RoomKey is { } roomKey && context.Rooms.GetValueOrDefault(roomKey) is not { Action: not ImportAction.Rejected })
        {
            errors.Add(FieldError.Format("Room", "its room {0} is missing from the file or was rejected", roomKey));
        }

        foreach (var speakerKey in item.SpeakerKeys)
        {
            if (context.Speakers.GetValueOrDefault(speakerKey) is not { Action: not ImportAction.Rejected })
            {
                errors.Add(FieldError.Format("Speakers", "its person {0} is missing from the file or was rejected", speakerKey));
            }
        }

        if (item.SpeakerKeys.Distinct(StringComparer.Ordinal).Count() != item.SpeakerKeys.Count)
        {
            errors.Add(new FieldError("Speakers", "it lists a person more than once"));
        }

        return errors.Count == 0 ? null : Reason(item.Label, errors);
    }

    private static string SlotRow(ImportedEvent item, EventContext context, List<PlanRow<SlotValues>> slots)
    {
        var start = context.Clock.ToLocal(item.Start);
        var end = context.Clock.ToLocal(item.Start + item.Duration);
        var key = SlotKey(start, end);
        if (!context.SlotKeys.Add(key))
        {
            return key;
        }

        var match = context.Index.SlotAt(start, end);
        slots.Add(Row(key, $"Time slot {SlotLabel(start, end)}", new SlotValues(start, end), match?.Id, []));
        return key;
    }

    private static PlanRow<SessionValues> SessionRow(ImportedEvent item, string slotKey, EventContext context)
    {
        var title = Text.Clean(item.Title)!;
        var values = new SessionValues(
            item.IsTalk ? null : title,
            item.Kind,
            item.IsTalk ? null : Text.CleanMultiline(item.Abstract),
            slotKey,
            item.RoomKey,
            item.IsTalk ? [] : item.SpeakerKeys,
            Text.Clean(item.Track),
            LanguageTag.TryNormalize(Text.Clean(item.Language), out var language) ? language : null);

        var label = $"{item.Label}: {title}";
        if (BlockOf(item, context) is { } block)
        {
            // The block keeps its own values and place; its talks are compared one by one.
            var blockValues = new SessionValues(block.Title, block.Kind, block.Description, slotKey, item.RoomKey, [], block.Track, block.Language);
            return Row(item.SourceKey, label, blockValues, block.Id, []);
        }

        var match = context.Index.SessionWithKey(item.SourceKey);
        var changes = new List<FieldChange>();
        if (match is not null)
        {
            // A file without a track or language keeps the ones the draft has, as with a speaker's headline.
            values = values with { Track = values.Track ?? match.Track, Language = values.Language ?? match.Language };
            if (context.Draft.FromOwnExport && item.IsTalk)
            {
                // The export writes a session of one talk as the talk, without the session's own title, description and people.
                values = values with
                {
                    Title = match.Title,
                    Description = match.Description,
                    Kind = match.Kind == SessionKind.TalkBlock && item.Kind == SessionKind.Talk ? match.Kind : item.Kind,
                    PeopleKeys = [.. match.PeopleIds.Select(id => context.Index.Speaker(id)?.SourceKey).OfType<string>().Where(context.Speakers.ContainsKey)],
                };
            }

            var index = context.Index;
            AddChange(changes, "Title", match.Title, values.Title);
            AddChange(changes, "Kind", match.Kind.Label(), values.Kind.Label());
            AddChange(changes, "Description", match.Description, values.Description);
            AddChange(changes, "Track", match.Track, values.Track);
            AddChange(changes, "Language", match.Language, values.Language);
            var slot = index.Slot(match.SlotId);
            var start = context.Clock.ToLocal(item.Start);
            AddChange(changes, "Time", slot is null ? null : SlotLabel(slot.Start, slot.End), SlotLabel(start, context.Clock.ToLocal(item.Start + item.Duration)));
            AddChange(changes, "Room", index.Room(match.RoomId)?.Name, RoomName(values.RoomKey, context));
            AddChange(changes, "People", Names(match.PeopleIds, index), KeyNames(values.PeopleKeys, context));
        }

        return Row(item.SourceKey, label, values, match?.Id, changes);
    }

    private static PlanRow<TalkValues> TalkRow(ImportedEvent item, EventContext context)
    {
        var title = Text.Clean(item.Title)!;
        var values = new TalkValues(title, Text.CleanMultiline(item.Abstract), (int)item.Duration.TotalMinutes, item.SourceKey, item.SpeakerKeys);
        var match = context.Index.TalkWithKey(item.SourceKey);
        var changes = new List<FieldChange>();
        if (match is not null)
        {
            if (context.Draft.FromOwnExport && match.DurationMinutes is null)
            {
                // The export gives a talk without a length its share of the slot, which is not a length to store.
                values = values with { DurationMinutes = null };
            }

            var block = BlockOf(item, context);
            if (block is not null)
            {
                // A talk of a block keeps its length and place there; the file's share of the slot is not a length.
                values = values with { DurationMinutes = match.DurationMinutes, Position = match.Position };
            }

            var session = block ?? context.Index.SessionWithKey(item.SourceKey);
            AddChange(changes, "Title", match.Title, values.Title);
            AddChange(changes, "Abstract", match.Abstract, values.Abstract);
            AddChange(changes, "Length", Minutes(match.DurationMinutes), Minutes(values.DurationMinutes));
            AddChange(changes, "Session", match.SessionId is null || match.SessionId != session?.Id ? "another session" : "this item", "this item");
            AddChange(changes, "Speakers", Names(match.SpeakerIds, context.Index), KeyNames(values.SpeakerKeys, context));
        }

        return Row(item.SourceKey, $"{item.Label}: {title}", values, match?.Id, changes);
    }

    private static void AddRejection(
        ImportRejection rejection,
        List<PlanRow<RoomValues>> rooms,
        List<PlanRow<SlotValues>> slots,
        List<PlanRow<SpeakerValues>> speakers,
        List<PlanRow<SessionValues>> sessions,
        List<PlanRow<TalkValues>> talks)
    {
        switch (rejection.Kind)
        {
            case ImportItemKind.Room:
                rooms.Add(new PlanRow<RoomValues>(ImportAction.Rejected, rejection.Label, rejection.Label, null, null, [], rejection.Reason));
                break;
            case ImportItemKind.TimeSlot:
                slots.Add(new PlanRow<SlotValues>(ImportAction.Rejected, rejection.Label, rejection.Label, null, null, [], rejection.Reason));
                break;
            case ImportItemKind.Speaker:
                speakers.Add(new PlanRow<SpeakerValues>(ImportAction.Rejected, rejection.Label, rejection.Label, null, null, [], rejection.Reason));
                break;
            case ImportItemKind.Talk:
                talks.Add(new PlanRow<TalkValues>(ImportAction.Rejected, rejection.Label, rejection.Label, null, null, [], rejection.Reason));
                break;
            default:
                sessions.Add(new PlanRow<SessionValues>(ImportAction.Rejected, rejection.Label, rejection.Label, null, null, [], rejection.Reason));
                break;
        }
    }

    // A matched row with no changes is Unchanged; a new row is Create.
    // Keeps a rejected value short enough to quote in the preview.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static PlanRow<T> Row<T>(string key, string label, T values, int? existingId, List<FieldChange> changes)
        where T : class
    {
        var action = ImportAction.Unchanged;
        if (existingId is null)
        {
            action = ImportAction.Create;
        }
        else if (changes.Count > 0)
        {
            action = ImportAction.Update;
        }
        return new PlanRow<T>(action, key, label, values, existingId, changes, null);
    }

    private static void AddChange(List<FieldChange> changes, string field, string? old, string? value)
    {
        if (!string.Equals(old, value, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, old, value));
        }
    }

    private static string Reason(string label, List<FieldError> errors) =>
        $"{label}: {string.Join("; ", errors.Select(e => e.Message.TrimEnd('.')))}.";

    /// <summary>Returns the plan key of the slot from <paramref name="start"/> to <paramref name="end"/>, local times.</summary>
    public static string SlotKey(DateTime start, DateTime end) =>
        string.Create(CultureInfo.InvariantCulture, $"slot:{start:yyyy-MM-ddTHH:mm}/{end:yyyy-MM-ddTHH:mm}");

    private static string SlotLabel(DateTime start, DateTime end) =>
        DateOnly.FromDateTime(start) == DateOnly.FromDateTime(end)
            ? string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm}–{end:HH:mm}")
            : string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm}–{end:yyyy-MM-dd HH:mm}");

    /// <summary>Formats a length as hours and minutes, such as "25:00" or "-00:30", with hours past 24 kept rather than cut at a day.</summary>
    public static string Hours(TimeSpan length)
    {
        var sign = length < TimeSpan.Zero ? "-" : "";
        var size = length.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{(long)size.TotalHours:00}:{size.Minutes:00}");
    }

    private static string? Minutes(int? minutes) => minutes is { } value ? $"{value} min" : null;

    private static string? RoomName(string? key, EventContext context) =>
        key is null ? null : context.Rooms[key].Values!.Name;

    private static string? Names(IReadOnlyList<int> ids, ImportDraftIndex index) =>
        ids.Count == 0 ? null : string.Join(", ", ids.Select(id => index.Speaker(id)?.Name ?? "?"));

    private static string? KeyNames(IReadOnlyList<string> keys, EventContext context) =>
        keys.Count == 0 ? null : string.Join(", ", keys.Select(key => context.Speakers[key].Values!.Name));
}

namespace ConferenceApp.Domain;

/// <summary>
/// An item of the program: a single talk, a block of several talks, or an item that is not a
/// talk at all (a break, lunch, the opening words). It is placed in a time slot and either in
/// one room or, when <see cref="RoomId"/> is null, across all rooms.
/// </summary>
public sealed class Session : ConferenceEntity, IImported
{
    private readonly List<SessionPerson> _people = [];

    private Session()
    {
    }

    /// <summary>The program it was imported from and its id there, such as "frab:{guid}", or null when it was not imported.</summary>
    public string? SourceKey { get; private set; }

    public void SetSourceKey(string? sourceKey) => SourceKey = ImportSource.CheckKey(sourceKey);

    /// <summary>
    /// The title shown on the program. Null for a session that contains a single talk, which is then
    /// shown under the talk's own title so that the title is stored once.
    /// </summary>
    public string? Title { get; private set; }

    public SessionKind Kind { get; private set; }

    /// <summary>Plain text shown under the title, or null.</summary>
    public string? Description { get; private set; }

    public int? TimeSlotId { get; private set; }

    /// <summary>The room, or null for an item that spans all rooms (a break, lunch, the opening).</summary>
    public int? RoomId { get; private set; }

    /// <summary>The track (theme or stream) the item belongs to, such as "Security", or null.</summary>
    public string? Track { get; private set; }

    /// <summary>The language the item is held in, as a normalized BCP 47 tag such as "en" or "de-CH", or null.</summary>
    public string? Language { get; private set; }

    /// <summary>People who lead the item without giving a talk in it, in order, with their roles.</summary>
    public IReadOnlyList<SessionPerson> People => _people;

    public static Session Create(int conferenceId, string? title, SessionKind kind, string? description)
    {
        var session = new Session { ConferenceId = conferenceId };
        session.Update(title, kind, description);
        return session;
    }

    public void Update(string? title, SessionKind kind, string? description)
    {
        var cleanedTitle = Text.Clean(title);
        var cleanedDescription = Text.CleanMultiline(description);

        var errors = new List<FieldError>();
        Text.Check(errors, nameof(Title), "Title", cleanedTitle, Text.TitleMaxLength, required: false);
        Text.Check(errors, nameof(Description), "Description", cleanedDescription, Text.LongTextMaxLength, required: false);
        if (!Enum.IsDefined(kind))
        {
            errors.Add(FieldError.Format(nameof(Kind), "The kind {0} is unknown.", (int)kind));
        }

        DomainValidationException.ThrowIfAny(errors);

        Title = cleanedTitle;
        Kind = kind;
        Description = cleanedDescription;
    }

    /// <summary>
    /// Sets the track and the language; a blank value clears either. The language is stored as a
    /// normalized BCP 47 tag, so "de_ch" becomes "de-CH".
    /// </summary>
    public void SetTrackAndLanguage(string? track, string? language)
    {
        var cleanedTrack = Text.Clean(track);

        var errors = new List<FieldError>();
        Text.Check(errors, nameof(Track), "Track", cleanedTrack, Text.NameMaxLength, required: false);
        var cleanedLanguage = Text.Clean(language);
        if (!LanguageTag.TryNormalize(cleanedLanguage, out var normalizedLanguage))
        {
            errors.Add(new FieldError(nameof(Language), cleanedLanguage!.Length > LanguageTag.MaxLength
                ? $"The language must be a BCP 47 tag of at most {LanguageTag.MaxLength} characters, such as \"en\", \"he\" or \"de-CH\"; it has {cleanedLanguage.Length}."
                : $"The language \"{cleanedLanguage}\" is not a valid BCP 47 language tag; use a tag such as \"en\", \"he\" or \"de-CH\", or leave it empty."));
        }

        DomainValidationException.ThrowIfAny(errors);

        Track = cleanedTrack;
        Language = normalizedLanguage;
    }

    /// <summary>Places the session in a slot and room; null for either takes it off the grid or spans all rooms.</summary>
    public void PlaceIn(TimeSlot? slot, Room? room)
    {
        var errors = new List<FieldError>();
        if (slot is not null && slot.ConferenceId != ConferenceId)
        {
            errors.Add(new FieldError(nameof(TimeSlotId), "The time slot belongs to another conference."));
        }

        if (room is not null && room.ConferenceId != ConferenceId)
        {
            errors.Add(new FieldError(nameof(RoomId), "The room belongs to another conference."));
        }

        DomainValidationException.ThrowIfAny(errors);

        TimeSlotId = slot?.Id;
        RoomId = room?.Id;
    }

    /// <summary>Replaces the people who lead the session with <paramref name="people"/>, in that order.</summary>
    public void SetPeople(IReadOnlyList<PersonAssignment> people)
    {
        DomainValidationException.ThrowIfAny(Participants.Validate(ConferenceId, people, nameof(People)));

        _people.Clear();
        for (var index = 0; index < people.Count; index++)
        {
            _people.Add(new SessionPerson
            {
                Speaker = people[index].Speaker,
                SpeakerId = people[index].Speaker.Id,
                Position = index,
                Role = Text.Clean(people[index].Role),
            });
        }
    }

    /// <summary>
    /// Returns the title to show: the session's own, else the title of its only talk, else a
    /// label from its kind.
    /// </summary>
    public static string DisplayTitle(string? sessionTitle, SessionKind kind, IReadOnlyList<string> talkTitles) =>
        sessionTitle ?? (talkTitles.Count == 1 ? talkTitles[0] : kind.Label());
}

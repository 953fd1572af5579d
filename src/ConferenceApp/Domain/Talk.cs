namespace ConferenceApp.Domain;

/// <summary>A talk: a title, an abstract and its speakers, placed in at most one session.</summary>
public sealed class Talk : ConferenceEntity, IImported
{
    private readonly List<TalkSpeaker> _speakers = [];

    private Talk()
    {
        Slug = "";
        Title = "";
    }

    /// <summary>The program it was imported from and its id there, such as "frab:{guid}", or null when it was not imported.</summary>
    public string? SourceKey { get; private set; }

    public void SetSourceKey(string? sourceKey) => SourceKey = ImportSource.CheckKey(sourceKey);

    /// <summary>The URL segment, unique within the conference: /{conference}/talks/{slug}.</summary>
    public string Slug { get; private set; }

    public string Title { get; private set; }

    /// <summary>The abstract as plain text; paragraphs are separated by blank lines.</summary>
    public string? Abstract { get; private set; }

    /// <summary>The session the talk is given in, or null while it is not scheduled.</summary>
    public int? SessionId { get; private set; }

    /// <summary>Order among the talks of its session, from 0.</summary>
    public int Position { get; private set; }

    /// <summary>The length of the talk in minutes, or null while it is unknown.</summary>
    public int? DurationMinutes { get; private set; }

    public IReadOnlyList<TalkSpeaker> Speakers => _speakers;

    public static Talk Create(int conferenceId, string? slug, string? title, string? abstractText)
    {
        var talk = new Talk { ConferenceId = conferenceId };
        talk.Update(slug, title, abstractText);
        return talk;
    }

    public void Update(string? slug, string? title, string? abstractText)
    {
        var cleanedSlug = Text.Clean(slug);
        var cleanedTitle = Text.Clean(title);
        var cleanedAbstract = Text.CleanMultiline(abstractText);

        var errors = new List<FieldError>();
        Domain.Slug.Check(errors, nameof(Slug), cleanedSlug);
        Text.Check(errors, nameof(Title), "Title", cleanedTitle, Text.TitleMaxLength, required: true);
        Text.Check(errors, nameof(Abstract), "Abstract", cleanedAbstract, Text.LongTextMaxLength, required: false);
        DomainValidationException.ThrowIfAny(errors);

        Slug = cleanedSlug!;
        Title = cleanedTitle!;
        Abstract = cleanedAbstract;
    }

    /// <summary>The longest talk length accepted, in minutes: one day.</summary>
    public const int MaxDurationMinutes = 1440;

    public const string LengthMessage = "Enter the length as a whole number of minutes from 1 to 1440, or leave it empty while it is not known.";

    /// <summary>Sets the length in minutes (1 to 1440), or null when it is unknown.</summary>
    public void SetDuration(int? minutes)
    {
        if (minutes is < 1 or > MaxDurationMinutes)
        {
            throw new DomainValidationException([new FieldError(nameof(DurationMinutes), LengthMessage)]);
        }

        DurationMinutes = minutes;
    }

    /// <summary>Puts the talk into a session at a position, or takes it out of any session when <paramref name="session"/> is null.</summary>
    public void PlaceIn(Session? session, int position)
    {
        if (session is not null && session.ConferenceId != ConferenceId)
        {
            throw new DomainValidationException([new FieldError(nameof(SessionId), "The session belongs to another conference.")]);
        }

        if (position is < 0 or > 10_000)
        {
            throw new DomainValidationException([new FieldError(nameof(Position), "Position must be between 0 and 10000.")]);
        }

        SessionId = session?.Id;
        Position = session is null ? 0 : position;
    }

    /// <summary>Replaces the speakers with <paramref name="people"/>, in that order.</summary>
    public void SetSpeakers(IReadOnlyList<PersonAssignment> people)
    {
        DomainValidationException.ThrowIfAny(Participants.Validate(ConferenceId, people, nameof(Speakers)));

        _speakers.Clear();
        for (var index = 0; index < people.Count; index++)
        {
            _speakers.Add(new TalkSpeaker
            {
                Speaker = people[index].Speaker,
                SpeakerId = people[index].Speaker.Id,
                Position = index,
                Role = Text.Clean(people[index].Role),
            });
        }
    }
}

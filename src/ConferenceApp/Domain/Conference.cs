namespace ConferenceApp.Domain;

/// <summary>One edition of an event (WiDS TLV 2023, say), the owner of every other row.</summary>
public sealed class Conference : IVersioned
{
    /// <summary>The longest conference the model accepts, in days.</summary>
    public const int MaxDays = 31;

    /// <summary>The earliest and latest years a conference may take place in. The bounds keep every local time convertible to an instant.</summary>
    public const int MinYear = 1970;

    public const int MaxYear = 2199;

    private Conference()
    {
        Slug = "";
        Name = "";
        TimeZoneId = "";
    }

    public int Id { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The URL segment, unique among conferences: /{slug}/program.</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    public string? Venue { get; private set; }

    /// <summary>The IANA time zone id (such as "Asia/Jerusalem") that every local time of the conference is in.</summary>
    public string TimeZoneId { get; private set; }

    /// <summary>The first day, as a local date in <see cref="TimeZoneId"/>.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>The last day, inclusive.</summary>
    public DateOnly EndDate { get; private set; }

    /// <summary>A note naming the values that are sample data rather than facts, or null.</summary>
    public string? SampleNote { get; private set; }

    /// <summary>Whether speakers may edit the titles and abstracts of their own talks. Off by default.</summary>
    public bool SpeakersMayEditTalks { get; private set; }

    public void AllowSpeakersToEditTalks(bool allowed)
    {
        SpeakersMayEditTalks = allowed;
    }

    /// <summary>The conference's days in order.</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var day = StartDate; day <= EndDate; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    public bool HasDay(DateOnly day) => day >= StartDate && day <= EndDate;

    public static Conference Create(ConferenceDetails details)
    {
        var conference = new Conference();
        conference.Update(details);
        return conference;
    }

    /// <summary>Replaces every editable value, or throws <see cref="DomainValidationException"/> and changes nothing.</summary>
    public void Update(ConferenceDetails details)
    {
        var cleaned = details.Cleaned();
        DomainValidationException.ThrowIfAny(cleaned.Validate());

        Slug = cleaned.Slug!;
        Name = cleaned.Name!;
        Venue = cleaned.Venue;
        TimeZoneId = cleaned.TimeZoneId!;
        StartDate = cleaned.StartDate;
        EndDate = cleaned.EndDate;
        SampleNote = cleaned.SampleNote;
    }
}

/// <summary>The editable values of a conference, as typed.</summary>
public sealed record ConferenceDetails(
    string? Slug,
    string? Name,
    string? Venue,
    string? TimeZoneId,
    DateOnly StartDate,
    DateOnly EndDate,
    string? SampleNote = null)
{
    public ConferenceDetails Cleaned() => this with
    {
        Slug = Text.Clean(Slug),
        Name = Text.Clean(Name),
        Venue = Text.Clean(Venue),
        TimeZoneId = Text.Clean(TimeZoneId),
        SampleNote = Text.Clean(SampleNote),
    };

    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Domain.Slug.Check(errors, nameof(Slug), Slug);
        Text.Check(errors, nameof(Name), "Name", Name, Text.NameMaxLength, required: true);
        Text.Check(errors, nameof(Venue), "Venue", Venue, Text.NameMaxLength, required: false);
        Text.Check(errors, nameof(SampleNote), "Sample-data note", SampleNote, Text.TitleMaxLength, required: false);

        if (TimeZoneId is null)
        {
            errors.Add(new FieldError(nameof(TimeZoneId), "Time zone is required."));
        }
        else if (ConferenceClock.FindZone(TimeZoneId) is null)
        {
            errors.Add(new FieldError(nameof(TimeZoneId),
                $"The time zone \"{TimeZoneId}\" is unknown; use an IANA id such as Europe/Berlin or Asia/Jerusalem."));
        }

        if (StartDate.Year is < Conference.MinYear or > Conference.MaxYear)
        {
            errors.Add(FieldError.Format(nameof(StartDate), "The first day must be in a year from {0} to {1}.", Conference.MinYear, Conference.MaxYear));
        }

        if (EndDate.Year is < Conference.MinYear or > Conference.MaxYear)
        {
            errors.Add(FieldError.Format(nameof(EndDate), "The last day must be in a year from {0} to {1}.", Conference.MinYear, Conference.MaxYear));
        }
        else if (EndDate < StartDate)
        {
            errors.Add(new FieldError(nameof(EndDate), "The last day must not be before the first day."));
        }
        else if (EndDate.DayNumber - StartDate.DayNumber + 1 > Conference.MaxDays)
        {
            errors.Add(FieldError.Format(nameof(EndDate), "A conference can last at most {0} days.", Conference.MaxDays));
        }

        return errors;
    }
}

namespace ConferenceApp.Domain;

/// <summary>A person on the program: a talk's speaker or someone leading an item such as the opening words.</summary>
public sealed class Speaker : ConferenceEntity
{
    private Speaker()
    {
        Slug = "";
        Name = "";
    }

    /// <summary>The URL segment, unique within the conference: /{conference}/speakers/{slug}.</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    /// <summary>One line on who the speaker is, such as "MSc Data Science student at the Technion".</summary>
    public string? Headline { get; private set; }

    /// <summary>The biography as plain text; paragraphs are separated by blank lines.</summary>
    public string? Bio { get; private set; }

    /// <summary>An absolute https or http URL of a photo, or null.</summary>
    public string? PhotoUrl { get; private set; }

    public static Speaker Create(int conferenceId, SpeakerDetails details)
    {
        var speaker = new Speaker { ConferenceId = conferenceId };
        speaker.Update(details);
        return speaker;
    }

    public void Update(SpeakerDetails details)
    {
        var cleaned = details.Cleaned();
        DomainValidationException.ThrowIfAny(cleaned.Validate());

        Slug = cleaned.Slug!;
        Name = cleaned.Name!;
        Headline = cleaned.Headline;
        Bio = cleaned.Bio;
        PhotoUrl = cleaned.PhotoUrl;
    }
}

/// <summary>The editable values of a speaker, as typed.</summary>
public sealed record SpeakerDetails(string? Slug, string? Name, string? Headline, string? Bio, string? PhotoUrl)
{
    public SpeakerDetails Cleaned() => this with
    {
        Slug = Text.Clean(Slug),
        Name = Text.Clean(Name),
        Headline = Text.Clean(Headline),
        Bio = Text.CleanMultiline(Bio),
        PhotoUrl = Text.Clean(PhotoUrl),
    };

    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Domain.Slug.Check(errors, nameof(Slug), Slug);
        Text.Check(errors, nameof(Name), "Name", Name, Text.NameMaxLength, required: true);
        Text.Check(errors, nameof(Headline), "Headline", Headline, Text.TitleMaxLength, required: false);
        Text.Check(errors, nameof(Bio), "Bio", Bio, Text.LongTextMaxLength, required: false);
        Text.Check(errors, nameof(PhotoUrl), "Photo URL", PhotoUrl, 2_000, required: false);

        if (PhotoUrl is not null && !IsWebUrl(PhotoUrl))
        {
            errors.Add(new FieldError(nameof(PhotoUrl), "The photo URL must be an absolute http or https address."));
        }

        return errors;
    }

    private static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

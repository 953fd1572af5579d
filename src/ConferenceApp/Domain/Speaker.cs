namespace ConferenceApp.Domain;

/// <summary>A person on the program: a talk's speaker or someone leading an item such as the opening words.</summary>
public sealed class Speaker : ConferenceEntity, IImported
{
    private Speaker()
    {
        Slug = "";
        Name = "";
    }

    /// <summary>The program it was imported from and its id there, such as "frab:{guid}", or null when it was not imported.</summary>
    public string? SourceKey { get; private set; }

    public void SetSourceKey(string? sourceKey) => SourceKey = ImportSource.CheckKey(sourceKey);

    /// <summary>The URL segment, unique within the conference: /{conference}/speakers/{slug}.</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    /// <summary>One line on who the speaker is, such as "MSc Data Science student at the Technion".</summary>
    public string? Headline { get; private set; }

    /// <summary>The biography in Markdown; plain text with blank lines between paragraphs is valid Markdown too.</summary>
    public string? Bio { get; private set; }

    public string? WebsiteUrl { get; private set; }

    public string? LinkedInUrl { get; private set; }

    public string? GitHubUrl { get; private set; }

    public string? MastodonUrl { get; private set; }

    public string? XUrl { get; private set; }

    /// <summary>
    /// The address an import matched or created the speaker by, trimmed and in lower case, or
    /// null. Invitations and accounts keep their own addresses; this one only finds the speaker again.
    /// </summary>
    public string? Email { get; private set; }

    /// <summary>The longest email address accepted, in characters (RFC 5321 limits a path to 256 octets).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>Sets the normalized address, or clears it with null or blank text.</summary>
    public void SetEmail(string? email)
    {
        var cleaned = Text.Clean(email)?.ToLowerInvariant();
        if (cleaned is not null && (cleaned.Length > EmailMaxLength || !cleaned.Contains('@', StringComparison.Ordinal)))
        {
            throw new DomainValidationException([FieldError.Format(nameof(Email), "The email address \"{0}\" is invalid; it needs an @ and at most {1} characters.", cleaned, EmailMaxLength)]);
        }

        Email = cleaned;
    }

    /// <summary>The content hash of the current photo, part of its URL, or null when there is no photo.</summary>
    public string? PhotoHash { get; private set; }

    /// <summary>The Identity user id of the speaker's account, or null while the speaker has none.</summary>
    public string? UserId { get; private set; }

    /// <summary>The fields that the organizers have locked against the speaker's own edits.</summary>
    public SpeakerFields LockedFields { get; private set; }

    /// <summary>The times the person stated they are available, in the conference's local time; <see cref="Availability.Always"/> when they stated none.</summary>
    public Availability Availability { get; private set; } = Availability.Always;

    public SpeakerLinks Links => new(WebsiteUrl, LinkedInUrl, GitHubUrl, MastodonUrl, XUrl);

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
    }

    /// <summary>
    /// Applies the speaker's own edit of their profile. The URL name stays as the organizers set
    /// it, and a change to a locked field is rejected with an error on that field.
    /// </summary>
    public void UpdateBySpeaker(string? name, string? headline, string? bio, SpeakerLinks links)
    {
        var details = new SpeakerDetails(Slug, name, headline, bio).Cleaned();
        var cleanedLinks = links.Cleaned();

        var errors = details.Validate();
        errors.AddRange(cleanedLinks.Validate());
        CheckLocked(errors, SpeakerFields.Name, nameof(Name), "name", Name != details.Name);
        CheckLocked(errors, SpeakerFields.Headline, nameof(Headline), "headline", Headline != details.Headline);
        CheckLocked(errors, SpeakerFields.Bio, nameof(Bio), "bio", Bio != details.Bio);
        CheckLocked(errors, SpeakerFields.Links, nameof(Links), "links", Links != cleanedLinks);
        DomainValidationException.ThrowIfAny(errors);

        Update(details);
        ApplyLinks(cleanedLinks);
    }

    /// <summary>Replaces the web links. Organizers use it, and the locks do not apply to them.</summary>
    public void SetLinks(SpeakerLinks links)
    {
        var cleaned = links.Cleaned();
        DomainValidationException.ThrowIfAny(cleaned.Validate());
        ApplyLinks(cleaned);
    }

    /// <summary>Sets the hash of a newly stored photo, or null to remove the photo. A speaker's own change is rejected while the photo is locked.</summary>
    public void SetPhoto(string? contentHash, bool bySpeaker)
    {
        var errors = new List<FieldError>();
        if (bySpeaker)
        {
            CheckLocked(errors, SpeakerFields.Photo, "Photo", "photo", PhotoHash != contentHash);
        }

        DomainValidationException.ThrowIfAny(errors);
        PhotoHash = contentHash;
    }

    /// <summary>Sets the stated availability. A speaker's own change is rejected while the availability is locked.</summary>
    public void SetAvailability(Availability availability, bool bySpeaker)
    {
        var errors = new List<FieldError>();
        if (bySpeaker)
        {
            CheckLocked(errors, SpeakerFields.Availability, nameof(Availability), "availability", !Availability.Equals(availability));
        }

        DomainValidationException.ThrowIfAny(errors);
        Availability = availability;
    }

    /// <summary>Sets which fields the speaker may no longer change.</summary>
    public void LockFields(SpeakerFields fields)
    {
        LockedFields = fields & (SpeakerFields.Name | SpeakerFields.Headline | SpeakerFields.Bio | SpeakerFields.Links | SpeakerFields.Photo | SpeakerFields.Availability);
    }

    /// <summary>Binds the speaker record to an account. A record bound to another account is not taken over.</summary>
    public void LinkAccount(string userId)
    {
        if (UserId is not null && UserId != userId)
        {
            throw new DomainValidationException("This speaker profile already belongs to another account.");
        }

        UserId = userId;
    }

    private void ApplyLinks(SpeakerLinks links)
    {
        WebsiteUrl = links.Website;
        LinkedInUrl = links.LinkedIn;
        GitHubUrl = links.GitHub;
        MastodonUrl = links.Mastodon;
        XUrl = links.X;
    }

    /// <summary>Returns the error a speaker gets for a change to a locked field, such as "availability".</summary>
    public static string LockedMessage(string label) =>
        $"The organizers have locked your {label}, so it cannot be changed here. Ask them if it needs a change.";

    private void CheckLocked(List<FieldError> errors, SpeakerFields field, string property, string label, bool changed)
    {
        if (changed && LockedFields.HasFlag(field))
        {
            errors.Add(new FieldError(property, LockedMessage(label)));
        }
    }
}

/// <summary>The editable values of a speaker, as typed.</summary>
public sealed record SpeakerDetails(string? Slug, string? Name, string? Headline, string? Bio)
{
    public SpeakerDetails Cleaned() => this with
    {
        Slug = Text.Clean(Slug),
        Name = Text.Clean(Name),
        Headline = Text.Clean(Headline),
        Bio = Text.CleanMultiline(Bio),
    };

    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Domain.Slug.Check(errors, nameof(Slug), Slug);
        Text.Check(errors, nameof(Name), "Name", Name, Text.NameMaxLength, required: true);
        Text.Check(errors, nameof(Headline), "Headline", Headline, Text.TitleMaxLength, required: false);
        Text.Check(errors, nameof(Bio), "Bio", Bio, Text.LongTextMaxLength, required: false);
        return errors;
    }
}

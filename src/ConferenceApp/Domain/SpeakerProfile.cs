namespace ConferenceApp.Domain;

/// <summary>Fields of a speaker profile that organizers can lock against the speaker's own edits.</summary>
[Flags]
public enum SpeakerFields
{
    None = 0,
    Name = 1,
    Headline = 2,
    Bio = 4,
    Links = 8,
    Photo = 16,
    Availability = 32,
}

/// <summary>A speaker's web links. Each is an absolute http or https URL, or null.</summary>
public sealed record SpeakerLinks(string? Website, string? LinkedIn, string? GitHub, string? Mastodon, string? X)
{
    public const int MaxLength = 500;

    public static readonly SpeakerLinks None = new(null, null, null, null, null);

    public SpeakerLinks Cleaned() => new(
        Text.Clean(Website), Text.Clean(LinkedIn), Text.Clean(GitHub), Text.Clean(Mastodon), Text.Clean(X));

    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Check(errors, nameof(Website), "Website", Website);
        Check(errors, nameof(LinkedIn), "LinkedIn", LinkedIn);
        Check(errors, nameof(GitHub), "GitHub", GitHub);
        Check(errors, nameof(Mastodon), "Mastodon", Mastodon);
        Check(errors, nameof(X), "X", X);
        return errors;
    }

    /// <summary>Returns the links that are set, with their labels, in display order.</summary>
    public IEnumerable<(string Label, string Url)> Present()
    {
        if (Website is not null) yield return ("Website", Website);
        if (LinkedIn is not null) yield return ("LinkedIn", LinkedIn);
        if (GitHub is not null) yield return ("GitHub", GitHub);
        if (Mastodon is not null) yield return ("Mastodon", Mastodon);
        if (X is not null) yield return ("X", X);
    }

    private static void Check(List<FieldError> errors, string field, string label, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > MaxLength)
        {
            errors.Add(FieldError.Format(field, "The {0} link must be at most {1} characters long.", label, MaxLength));
        }
        else if (!IsWebUrl(value))
        {
            errors.Add(FieldError.Format(field, "The {0} link must be a full address starting with https:// or http://, such as https://example.org/you.", label));
        }
    }

    /// <summary>True for an absolute http or https URL with a host and no spaces, quotes or angle brackets, the only links the site renders.</summary>
    public static bool IsWebUrl(string value) =>
        !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '`')
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}

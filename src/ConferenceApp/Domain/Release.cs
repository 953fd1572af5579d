namespace ConferenceApp.Domain;

/// <summary>
/// A published version of a conference's program: a frozen snapshot of the draft that the
/// public pages show until the next release. Releases are never changed once created.
/// </summary>
public sealed class Release
{
    public const int NameMaxLength = 40;

    private Release()
    {
        Name = "";
        NormalizedName = "";
        PublishedBy = "";
        Snapshot = "";
    }

    public int Id { get; private set; }

    public int ConferenceId { get; private set; }

    /// <summary>The version name, such as "1.2", unique per conference whatever its casing.</summary>
    public string Name { get; private set; }

    /// <summary>The name in upper case, which the unique index compares so that "RC1" and "rc1" collide.</summary>
    public string NormalizedName { get; private set; }

    /// <summary>Plain text from the organizer, with line breaks as "\n", or null.</summary>
    public string? Comment { get; private set; }

    public DateTime PublishedAtUtc { get; private set; }

    /// <summary>The user name of the organizer who published, or "system" for the demo seed.</summary>
    public string PublishedBy { get; private set; }

    /// <summary>The number of scheduling conflicts in the draft when it was published.</summary>
    public int ConflictCount { get; private set; }

    /// <summary>True when the organizer confirmed publishing despite <see cref="ConflictCount"/> conflicts.</summary>
    public bool ConflictsConfirmed { get; private set; }

    /// <summary>A stable identifier for feeds, such as the Atom entry id.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Feeds call this value the release's GUID.")]
    public Guid Guid { get; private set; }

    /// <summary>The <see cref="ProgramSnapshot"/> as JSON.</summary>
    public string Snapshot { get; private set; }

    /// <summary>
    /// Creates a release after checking the name against <paramref name="existingNames"/> (the
    /// conference's other releases) and that conflicts, if any, were confirmed.
    /// </summary>
    public static Release Create(ReleaseDetails details, IEnumerable<string> existingNames, ProgramSnapshot snapshot)
    {
        var name = Text.Clean(details.Name);
        var comment = Text.CleanMultiline(details.Comment);

        var errors = new List<FieldError>();
        errors.AddRange(ReleaseNames.Validate(name, existingNames));
        Text.Check(errors, nameof(Comment), "Comment", comment, Text.LongTextMaxLength, required: false);
        if (details.ConflictCount > 0 && !details.ConflictsConfirmed)
        {
            errors.Add(new FieldError(nameof(ConflictsConfirmed), ConflictsNotConfirmedMessage(details.ConflictCount)));
        }

        DomainValidationException.ThrowIfAny(errors);

        return new Release
        {
            ConferenceId = details.ConferenceId,
            Name = name!,
            NormalizedName = ReleaseNames.Normalize(name!),
            Comment = comment,
            PublishedAtUtc = details.PublishedAtUtc,
            PublishedBy = details.PublishedBy,
            ConflictCount = details.ConflictCount,
            ConflictsConfirmed = details.ConflictCount > 0 && details.ConflictsConfirmed,
            Guid = Guid.NewGuid(),
            Snapshot = snapshot.ToJson(),
        };
    }

    public static string ConflictsNotConfirmedMessage(int conflictCount) =>
        $"The draft has {conflictCount} scheduling {(conflictCount == 1 ? "conflict" : "conflicts")}. Check the box to publish despite {(conflictCount == 1 ? "it" : "them")}, or fix {(conflictCount == 1 ? "it" : "them")} first.";
}

/// <summary>The values of a new release besides its snapshot.</summary>
public sealed record ReleaseDetails(
    int ConferenceId,
    string? Name,
    string? Comment,
    DateTime PublishedAtUtc,
    string PublishedBy,
    int ConflictCount,
    bool ConflictsConfirmed);

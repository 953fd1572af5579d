using ConferenceApp.Domain;

namespace ConferenceApp.Features.Organize;

/// <summary>The conference that an organizer page works on, as the page header and the forms need it.</summary>
public sealed record OrganizeConference(
    int Id,
    string Slug,
    string Name,
    string TimeZoneId,
    DateOnly StartDate,
    DateOnly EndDate);

/// <summary>A choice in a select list: the id to post and the text to show.</summary>
public sealed record Choice(int Id, string Label);

/// <summary>The confirmation page in front of every delete.</summary>
/// <param name="Conference">The conference the row belongs to, or the conference itself.</param>
/// <param name="Noun">What is deleted, such as "room", for the heading and the button.</param>
/// <param name="Name">The name or title of the row.</param>
/// <param name="Consequences">Sentences on what else the delete changes, such as sessions left without a room.</param>
/// <param name="Version">The version of the row the page shows. The delete is rejected if the row changed since.</param>
/// <param name="CancelUrl">Where "Cancel" leads.</param>
public sealed record DeletePage(
    OrganizeConference Conference,
    string Noun,
    string Name,
    IReadOnlyList<string> Consequences,
    Guid Version,
    string CancelUrl)
{
    /// <summary>True when the person must type the conference's slug to confirm, as for deleting a whole conference.</summary>
    public bool RequireSlug { get; init; }

    /// <summary>The slug as typed, shown again after a mismatch.</summary>
    public string? ConfirmSlug { get; init; }
}

/// <summary>The page shown when a form was posted for a row that someone else deleted in the meantime.</summary>
public sealed record GonePage(OrganizeConference? Conference, string Noun, string ListUrl);

/// <summary>The messages organizer pages show after a rejected save.</summary>
public static class ChangeMessages
{
    public static string Conflict(string noun) =>
        $"Someone else changed this {noun} while you were editing it. Their version is shown below; reapply your change and save again.";

    public static string DeleteConflict(string noun) =>
        $"Someone else changed this {noun} after you opened this page. Check the values below and delete again if you still want to.";

    public static string Gone(string noun) =>
        $"Someone else deleted this {noun} while you were editing it, so your change was not saved.";
}

/// <summary>Select-list choices that several forms share.</summary>
public static class Choices
{
    /// <summary>Every session kind with its label, in the enum's order.</summary>
    public static IReadOnlyList<Choice> SessionKinds { get; } =
        [.. Enum.GetValues<SessionKind>().Select(kind => new Choice((int)kind, kind.Label()))];
}

/// <summary>The conference navigation at the top of every organizer page, with the current <see cref="Section"/> marked.</summary>
public sealed record OrganizeNav(OrganizeConference Conference, string? Section);

/// <summary>The buttons under a form: Create or Save, Cancel, and a link to the delete page for a stored row.</summary>
/// <summary>The buttons under an edit form; <paramref name="HistoryUrl"/> leads to the item's entries in the audit log.</summary>
public sealed record FormButtons(bool IsNew, string CancelUrl, string? DeleteUrl, string? HistoryUrl = null);

/// <summary>The rows of speakers or people on a talk or session form.</summary>
/// <param name="Field">The form's list property, such as "Speakers", which prefixes every input name.</param>
public sealed record PeopleRowsEditor(
    string Field,
    string Legend,
    string Help,
    IReadOnlyList<PersonRow> Rows,
    IReadOnlyList<Choice> Speakers);

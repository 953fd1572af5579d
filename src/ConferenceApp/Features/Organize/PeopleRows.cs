using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize;

/// <summary>One row of a people list on a form: a speaker of the conference, their role, and where they go in the order.</summary>
public sealed class PersonRow
{
    public int? SpeakerId { get; set; }

    /// <summary>The role on this talk or session, such as "Moderator", or empty for a plain speaker.</summary>
    public string? Role { get; set; }

    /// <summary>A number to sort the rows by, smallest first. Rows without one keep their place after the numbered rows.</summary>
    public int? Order { get; set; }

    public bool IsBlank => SpeakerId is null && string.IsNullOrWhiteSpace(Role);
}

/// <summary>Turns the people rows of a talk or session form into the assignments the domain takes.</summary>
public static class PeopleRows
{
    /// <summary>The number of empty rows a form offers below the filled ones, for adding people without JavaScript.</summary>
    public const int BlankRows = 2;

    /// <summary>
    /// Returns the assignments of the non-blank rows in the order the rows give, after checking
    /// that every chosen speaker belongs to the conference. Errors name the row's field, such as
    /// "Speakers[2].SpeakerId".
    /// </summary>
    public static async Task<List<PersonAssignment>> ResolveAsync(
        ConferenceDbContext db,
        int conferenceId,
        IReadOnlyList<PersonRow> rows,
        string listField,
        List<FieldError> errors,
        CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => r.SpeakerId is not null).Select(r => r.SpeakerId!.Value).Distinct().ToList();
        var speakers = await db.Speakers.OfConference(conferenceId)
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        var chosen = new List<(int Order, int Index, PersonAssignment Person)>();
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            if (row.IsBlank)
            {
                continue;
            }

            if (row.SpeakerId is not { } speakerId)
            {
                errors.Add(new FieldError($"{listField}[{index}].SpeakerId", "Choose a speaker for this role, or clear the role."));
                continue;
            }

            if (!speakers.TryGetValue(speakerId, out var speaker))
            {
                errors.Add(new FieldError($"{listField}[{index}].SpeakerId", $"The speaker with id {speakerId} does not exist in this conference; choose one from the list."));
                continue;
            }

            if (row.Order is < 1)
            {
                errors.Add(new FieldError($"{listField}[{index}].Order", "The order must be 1 or more; 1 is the first person."));
                continue;
            }

            chosen.Add((row.Order ?? int.MaxValue, index, new PersonAssignment(speaker, row.Role)));
        }

        return [.. chosen.OrderBy(c => c.Order).ThenBy(c => c.Index).Select(c => c.Person)];
    }

    /// <summary>
    /// Returns the rows with blank rows added at the end until <see cref="BlankRows"/> empty ones
    /// follow the last filled row. Posted rows keep their indexes, so their field errors still match.
    /// </summary>
    public static List<PersonRow> WithBlankRows(IEnumerable<PersonRow> rows)
    {
        var result = rows.ToList();
        var trailingBlanks = Enumerable.Reverse(result).TakeWhile(r => r.IsBlank).Count();
        for (var count = trailingBlanks; count < BlankRows; count++)
        {
            result.Add(new PersonRow());
        }

        return result;
    }

    /// <summary>Returns rows for stored people, numbered 1, 2, 3 in their order.</summary>
    public static List<PersonRow> FromStored(IEnumerable<(int SpeakerId, string? Role)> people) =>
        WithBlankRows(people.Select((p, index) => new PersonRow { SpeakerId = p.SpeakerId, Role = p.Role, Order = index + 1 }));
}

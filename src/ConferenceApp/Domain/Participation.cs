namespace ConferenceApp.Domain;

/// <summary>A speaker on a talk, in the talk's speaker order.</summary>
public sealed class TalkSpeaker
{
    public int TalkId { get; set; }

    public int SpeakerId { get; set; }

    public Speaker? Speaker { get; set; }

    /// <summary>Order among the talk's speakers, from 0.</summary>
    public int Position { get; set; }

    /// <summary>The speaker's role on this talk (such as "Moderator"), or null for a plain speaker.</summary>
    public string? Role { get; set; }
}

/// <summary>A person leading a session that is not a talk, such as the people giving the opening words.</summary>
public sealed class SessionPerson
{
    public int SessionId { get; set; }

    public int SpeakerId { get; set; }

    public Speaker? Speaker { get; set; }

    /// <summary>Order among the session's people, from 0.</summary>
    public int Position { get; set; }

    /// <summary>The capacity the person appears in, such as "CEO of the Michal Sela Forum", or null.</summary>
    public string? Role { get; set; }
}

/// <summary>A person to put on a talk or session, with an optional role.</summary>
public sealed record PersonAssignment(Speaker Speaker, string? Role);

internal static class Participants
{
    /// <summary>Checks a list of people for another conference's speakers, duplicates and over-long roles.</summary>
    public static List<FieldError> Validate(int conferenceId, IReadOnlyList<PersonAssignment> people, string field)
    {
        var errors = new List<FieldError>();

        if (people.Any(p => p.Speaker.ConferenceId != conferenceId))
        {
            errors.Add(new FieldError(field, "A speaker of another conference cannot be added here."));
        }

        // Saved speakers are compared by id; speakers not saved yet (id 0) only by reference.
        var duplicate = people.GroupBy(p => p.Speaker.Id != 0 ? (object)p.Speaker.Id : p.Speaker).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add(FieldError.Format(field, "{0} is listed more than once.", duplicate.First().Speaker.Name));
        }

        foreach (var person in people)
        {
            Text.Check(errors, field, $"The role of {person.Speaker.Name}", Text.Clean(person.Role), Text.TitleMaxLength, required: false);
        }

        return errors;
    }
}

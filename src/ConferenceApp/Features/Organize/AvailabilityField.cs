using ConferenceApp.Domain;

namespace ConferenceApp.Features.Organize;

/// <summary>The availability textarea of the room, speaker and speaker-profile forms.</summary>
/// <param name="Name">The form field's name, which is also the key of its errors.</param>
/// <param name="Text">The text to show: what was typed, or the stored intervals one per line.</param>
/// <param name="Lead">The help text's first words, such as "When the room can be used".</param>
/// <param name="TimeZoneId">The conference's IANA zone, which the times are in.</param>
/// <param name="FirstDay">The conference's first day, which the examples use.</param>
/// <param name="Locked">True when the field is shown read-only because the organizers locked it.</param>
public sealed record AvailabilityField(string Name, string? Text, string Lead, string TimeZoneId, DateOnly FirstDay, bool Locked = false);

/// <summary>Turns the typed availability of a form into an <see cref="Availability"/> or field errors.</summary>
public static class AvailabilityInput
{
    /// <summary>Parses <paramref name="text"/>, adding one error per broken line under <paramref name="field"/>. Returns null when there are errors.</summary>
    public static Availability? Parse(string? text, Conference conference, string field, List<FieldError> errors)
    {
        var result = AvailabilityParser.Parse(text, conference);
        errors.AddRange(result.Errors.Select(message => new FieldError(field, message)));
        return result.Availability;
    }
}

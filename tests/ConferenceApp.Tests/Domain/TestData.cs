using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

/// <summary>
/// Builders for entities that are never saved. Their Id is 0, as before a first save, so tests
/// of rules that compare ids use <see cref="SavedRowsFixture"/> instead.
/// </summary>
internal static class TestData
{
    public static ConferenceDetails Details(
        string timeZoneId = "Europe/Berlin",
        DateOnly? start = null,
        DateOnly? end = null,
        string name = "Data Days 2026") =>
        new("data-days-2026", name, "Berlin", timeZoneId, start ?? new DateOnly(2026, 6, 10), end ?? start ?? new DateOnly(2026, 6, 11));

    public static Conference NewConference(string timeZoneId = "Europe/Berlin", DateOnly? start = null, DateOnly? end = null) =>
        global::ConferenceApp.Domain.Conference.Create(Details(timeZoneId, start, end));

    /// <summary>Returns a local time of kind Unspecified, the kind the model stores.</summary>
    public static DateTime Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    public static SpeakerDetails SpeakerDetails(string slug, string name) => new(slug, name, null, null);
}

using ConferenceApp.Domain;

namespace ConferenceApp.Data;

/// <summary>
/// The one way to read conference-owned rows: every query for rooms, slots, sessions, talks and
/// speakers starts from <see cref="OfConference{T}"/>, so no page can show another conference's rows.
/// </summary>
public static class ConferenceScope
{
    public static IQueryable<T> OfConference<T>(this IQueryable<T> rows, int conferenceId)
        where T : ConferenceEntity =>
        rows.Where(row => row.ConferenceId == conferenceId);
}

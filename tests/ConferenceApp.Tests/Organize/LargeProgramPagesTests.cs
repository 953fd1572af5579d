using ConferenceApp.Domain;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

/// <summary>
/// Opens the organizer pages of a conference with more placed sessions than SQLite takes
/// parameters in one command (32,766), which a query with an IN list of every session id fails on.
/// </summary>
public sealed class LargeProgramPagesTests : OrganizerTestBase
{
    private const int SessionCount = 33_000;

    [SqliteTheory]
    [InlineData("conflicts")]
    [InlineData("sessions")]
    public async Task Page_opens_with_many_sessions(string page)
    {
        await AddSessionsAsync(await ConferenceIdAsync());

        await Browser.GetPageAsync($"/organize/{Conference}/{page}");
    }

    // Inserts one one-minute slot per session, each after the one before, with plain SQL because
    // saving 33,000 entities through the change tracker would take most of a minute.
    private async Task AddSessionsAsync(int conferenceId)
    {
        await using var scope = App.OpenDb();
        var db = scope.Db;
        var conference = await db.Conferences.SingleAsync(c => c.Id == conferenceId);
        var first = conference.StartDate.ToDateTime(new TimeOnly(0, 0)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        const string version = "00000000-0000-0000-0000-000000000001";

        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {SessionCount})
            INSERT INTO TimeSlots (ConferenceId, Start, End, Version)
            SELECT {conferenceId}, strftime('%Y-%m-%d %H:%M:%S', {first}, '+' || (i + 100000) || ' minutes'),
                   strftime('%Y-%m-%d %H:%M:%S', {first}, '+' || (i + 100001) || ' minutes'), {version}
            FROM n
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Sessions (ConferenceId, Kind, Title, TimeSlotId, Version)
            SELECT ConferenceId, {(int)SessionKind.Break}, 'Bulk break ' || Id, Id, {version}
            FROM TimeSlots WHERE ConferenceId = {conferenceId} AND Start >= strftime('%Y-%m-%d %H:%M:%S', {first}, '+100000 minutes')
            """);

        Assert.True(await db.Sessions.CountAsync(s => s.ConferenceId == conferenceId) > SessionCount);
    }
}

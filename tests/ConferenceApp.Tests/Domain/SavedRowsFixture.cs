using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Domain;

/// <summary>
/// Rows with real database ids, for rules that compare ids: the demo conference's speakers,
/// slot and room, and a second conference with one speaker, slot and room of its own.
/// The rows are loaded without tracking, so tests may change them freely.
/// </summary>
public sealed class SavedRowsFixture : IAsyncLifetime, IDisposable
{
    private readonly AppFactory _app = new();

    public Conference Demo { get; private set; } = null!;

    public Speaker Almog { get; private set; } = null!;

    public Speaker Juan { get; private set; } = null!;

    public TimeSlot DemoSlot { get; private set; } = null!;

    public Room DemoRoom { get; private set; } = null!;

    public Speaker OtherSpeaker { get; private set; } = null!;

    public TimeSlot OtherSlot { get; private set; } = null!;

    public Room OtherRoom { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using (var scope = _app.OpenDb())
        {
            await SaveOtherConferenceAsync(scope.Db);
        }

        await using var reading = _app.OpenDb();
        var db = reading.Db;

        Demo = await db.Conferences.AsNoTracking().SingleAsync(c => c.Slug == DemoConference.Slug);
        Almog = await db.Speakers.AsNoTracking().OfConference(Demo.Id).SingleAsync(s => s.Slug == "almog-gueta");
        Juan = await db.Speakers.AsNoTracking().OfConference(Demo.Id).SingleAsync(s => s.Slug == "juan-liu");
        DemoSlot = await db.TimeSlots.AsNoTracking().OfConference(Demo.Id).OrderBy(s => s.Start).FirstAsync();
        DemoRoom = await db.Rooms.AsNoTracking().OfConference(Demo.Id).SingleAsync();

        var other = await db.Conferences.AsNoTracking().SingleAsync(c => c.Slug == "other-2026");
        OtherSpeaker = await db.Speakers.AsNoTracking().OfConference(other.Id).SingleAsync();
        OtherSlot = await db.TimeSlots.AsNoTracking().OfConference(other.Id).SingleAsync();
        OtherRoom = await db.Rooms.AsNoTracking().OfConference(other.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // xunit calls both DisposeAsync and Dispose; the factory ignores the second call.
    public void Dispose() => _app.Dispose();

    private static async Task SaveOtherConferenceAsync(ConferenceDbContext db)
    {
        var other = Conference.Create(new ConferenceDetails(
            "other-2026", "Other 2026", null, "Europe/Berlin", new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 10)));
        db.Conferences.Add(other);
        await db.SaveChangesAsync();

        db.Speakers.Add(Speaker.Create(other.Id, TestData.SpeakerDetails("almog-gueta", "Almog Gueta")));
        db.TimeSlots.Add(TimeSlot.Create(other, TestData.Local(2026, 6, 10, 9, 0), TestData.Local(2026, 6, 10, 10, 0)));
        db.Rooms.Add(Room.Create(other.Id, "Main hall", 0));
        await db.SaveChangesAsync();
    }
}

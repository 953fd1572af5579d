using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Organize;

public sealed class ChangeSaverTests : IDisposable
{
    private readonly AppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Unique_violation_becomes_field_error()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var saver = scope.ServiceProvider.GetRequiredService<ChangeSaver>();
        var conference = await db.Conferences.SingleAsync();
        var takenSlug = await db.Talks.Select(t => t.Slug).FirstAsync();
        var auditBefore = await db.AuditEntries.CountAsync();

        // The operations check slugs before saving; this skips that check, as a concurrent insert would.
        db.Talks.Add(Talk.Create(conference.Id, takenSlug, "Same slug", null));
        var result = await saver.SaveAsync(new FieldError("Slug", "taken"), CancellationToken.None);

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Equal("Slug", Assert.Single(result.Errors).Field);
        db.ChangeTracker.Clear();
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Stale_version_is_conflict()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var saver = scope.ServiceProvider.GetRequiredService<ChangeSaver>();
        var room = await db.Rooms.FirstAsync();

        saver.ExpectVersion(room, Guid.NewGuid());
        room.Update("Renamed", room.Position);

        Assert.Equal(ChangeOutcome.Conflict, (await saver.SaveAsync(null, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Deleted_row_is_gone()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var saver = scope.ServiceProvider.GetRequiredService<ChangeSaver>();
        var slot = await db.TimeSlots.FirstAsync();
        var version = slot.Version;
        await db.TimeSlots.Where(s => s.Id == slot.Id).ExecuteDeleteAsync();
        saver.ExpectVersion(slot, version);

        Assert.Equal(ChangeOutcome.Gone, (await saver.SaveAsync(null, CancellationToken.None)).Outcome);
    }
}

using ConferenceApp.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Data;

/// <summary>
/// The unit of work for the whole app: the conference model, the audit log and the Identity tables.
/// </summary>
/// <remarks>
/// Every save renews the concurrency token of each changed row and writes one audit entry per
/// changed row, in the same transaction as the change itself.
/// </remarks>
public sealed class ConferenceDbContext(DbContextOptions<ConferenceDbContext> options, IAuditActor actor)
    : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Conference> Conferences => Set<Conference>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<TimeSlot> TimeSlots => Set<TimeSlot>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Talk> Talks => Set<Talk>();

    public DbSet<Speaker> Speakers => Set<Speaker>();

    public DbSet<TalkSpeaker> TalkSpeakers => Set<TalkSpeaker>();

    public DbSet<SessionPerson> SessionPeople => Set<SessionPerson>();

    public DbSet<SpeakerPhoto> SpeakerPhotos => Set<SpeakerPhoto>();

    public DbSet<SpeakerInvitation> SpeakerInvitations => Set<SpeakerInvitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ConferenceDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareSave()
    {
        ChangeTracker.DetectChanges();

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }

        AuditEntries.AddRange(AuditRecorder.Record(ChangeTracker, actor.Name, DateTime.UtcNow));
    }
}

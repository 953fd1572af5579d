using ConferenceApp.Data.Configurations;
using ConferenceApp.Domain;
using ConferenceApp.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Data;

/// <summary>
/// The unit of work for the whole app: the conference model, the audit log, the Identity tables
/// and the Data Protection keys.
/// </summary>
/// <remarks>
/// Every save renews the concurrency token of each changed row and writes one audit entry per
/// changed row of the conference model, in the same transaction as the change itself.
/// </remarks>
public sealed class ConferenceDbContext(DbContextOptions<ConferenceDbContext> options, IAuditActor actor)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
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

    public DbSet<Release> Releases => Set<Release>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();

    /// <summary>Attendees' starred items behind private calendar feeds; not audited, because no organizer changes them.</summary>
    public DbSet<PersonalAgenda> PersonalAgendas => Set<PersonalAgenda>();

    /// <summary>The keys that protect login cookies and antiforgery tokens, shared by every app instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ConferenceDbContext).Assembly);
        ProviderNeutralColumns.Apply(builder, Database.IsNpgsql());
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var audits = PrepareSave();
        if (!audits.Any(a => AuditRecorder.NeedsKey(a.Audit)))
        {
            AuditEntries.AddRange(audits.Select(a => a.Audit));
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        AuditEntries.AddRange(AuditRecorder.CompleteKeys(audits));
        base.SaveChanges(acceptAllChangesOnSuccess);
        transaction?.Commit();
        return saved;
    }

    /// <summary>
    /// Saves the changes and their audit entries atomically. When rows are added, the rows are
    /// saved first so that their entries can name the ids the database gave them, and both saves
    /// share one transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var audits = PrepareSave();
        if (!audits.Any(a => AuditRecorder.NeedsKey(a.Audit)))
        {
            AuditEntries.AddRange(audits.Select(a => a.Audit));
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditEntries.AddRange(AuditRecorder.CompleteKeys(audits));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    private List<(AuditEntry Audit, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry Source)> PrepareSave()
    {
        ChangeTracker.DetectChanges();

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }

        return AuditRecorder.Record(ChangeTracker, actor.Name, DateTime.UtcNow);
    }
}

using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConferenceApp.Data.Configurations;

internal sealed class ConferenceConfiguration : IEntityTypeConfiguration<Conference>
{
    public void Configure(EntityTypeBuilder<Conference> builder)
    {
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Text.NameMaxLength).IsRequired();
        builder.Property(c => c.Venue).HasMaxLength(Text.NameMaxLength);
        builder.Property(c => c.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.SampleNote).HasMaxLength(Text.TitleMaxLength);
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ConfigureOwnedByConference();
        builder.Property(r => r.Name).HasMaxLength(Text.NameMaxLength).IsRequired();
        builder.HasIndex(r => new { r.ConferenceId, r.Name }).IsUnique();
        builder.HasAvailability(r => r.Availability);
    }
}

internal sealed class TimeSlotConfiguration : IEntityTypeConfiguration<TimeSlot>
{
    public void Configure(EntityTypeBuilder<TimeSlot> builder)
    {
        builder.ConfigureOwnedByConference();
        builder.Ignore(s => s.Day);
        builder.HasIndex(s => new { s.ConferenceId, s.Start });
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ConfigureOwnedByConference();
        builder.Property(s => s.Title).HasMaxLength(Text.TitleMaxLength);
        builder.Property(s => s.Description).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(s => s.Track).HasMaxLength(Text.NameMaxLength);
        builder.Property(s => s.Language).HasMaxLength(LanguageTag.MaxLength);

        // Deleting a slot or room takes its sessions off the grid instead of deleting them.
        builder.HasOne<TimeSlot>().WithMany().HasForeignKey(s => s.TimeSlotId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Room>().WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.SetNull);

        builder.HasMany(s => s.People).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.People).HasField("_people").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> builder)
    {
        builder.ConfigureOwnedByConference();
        builder.Property(t => t.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasIndex(t => new { t.ConferenceId, t.Slug }).IsUnique();
        builder.Property(t => t.Title).HasMaxLength(Text.TitleMaxLength).IsRequired();
        builder.Property(t => t.Abstract).HasMaxLength(Text.LongTextMaxLength);

        // Deleting a session leaves its talks unscheduled rather than deleting them.
        builder.HasOne<Session>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => new { t.SessionId, t.Position });

        builder.HasMany(t => t.Speakers).WithOne().HasForeignKey(s => s.TalkId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Speakers).HasField("_speakers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> builder)
    {
        builder.ConfigureOwnedByConference();
        builder.Property(s => s.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.HasIndex(s => new { s.ConferenceId, s.Slug }).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(Text.NameMaxLength).IsRequired();
        builder.Property(s => s.Headline).HasMaxLength(Text.TitleMaxLength);
        builder.Property(s => s.Bio).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(s => s.WebsiteUrl).HasMaxLength(SpeakerLinks.MaxLength);
        builder.Property(s => s.LinkedInUrl).HasMaxLength(SpeakerLinks.MaxLength);
        builder.Property(s => s.GitHubUrl).HasMaxLength(SpeakerLinks.MaxLength);
        builder.Property(s => s.MastodonUrl).HasMaxLength(SpeakerLinks.MaxLength);
        builder.Property(s => s.XUrl).HasMaxLength(SpeakerLinks.MaxLength);
        builder.Property(s => s.PhotoHash).HasMaxLength(64);
        builder.Ignore(s => s.Links);
        builder.HasAvailability(s => s.Availability);

        // An account is linked to at most one speaker record per conference.
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => new { s.ConferenceId, s.UserId }).IsUnique();
        builder.HasOne<Microsoft.AspNetCore.Identity.IdentityUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TalkSpeakerConfiguration : IEntityTypeConfiguration<TalkSpeaker>
{
    public void Configure(EntityTypeBuilder<TalkSpeaker> builder)
    {
        builder.HasKey(ts => new { ts.TalkId, ts.SpeakerId });
        builder.Property(ts => ts.Role).HasMaxLength(Text.TitleMaxLength);
        builder.HasOne(ts => ts.Speaker).WithMany().HasForeignKey(ts => ts.SpeakerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionPersonConfiguration : IEntityTypeConfiguration<SessionPerson>
{
    public void Configure(EntityTypeBuilder<SessionPerson> builder)
    {
        builder.HasKey(sp => new { sp.SessionId, sp.SpeakerId });
        builder.Property(sp => sp.Role).HasMaxLength(Text.TitleMaxLength);
        builder.HasOne(sp => sp.Speaker).WithMany().HasForeignKey(sp => sp.SpeakerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpeakerPhotoConfiguration : IEntityTypeConfiguration<SpeakerPhoto>
{
    public void Configure(EntityTypeBuilder<SpeakerPhoto> builder)
    {
        builder.HasOne<Speaker>().WithMany().HasForeignKey(p => p.SpeakerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.SpeakerId, p.Size }).IsUnique();
        builder.Property(p => p.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Bytes).IsRequired();
    }
}

internal sealed class SpeakerInvitationConfiguration : IEntityTypeConfiguration<SpeakerInvitation>
{
    public void Configure(EntityTypeBuilder<SpeakerInvitation> builder)
    {
        builder.ConfigureOwnedByConference();
        builder.HasOne<Speaker>().WithMany().HasForeignKey(i => i.SpeakerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Email).HasMaxLength(256).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.CreatedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(256).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(64).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(16).IsRequired();
        builder.HasIndex(a => new { a.ConferenceId, a.AtUtc });
    }
}

internal static class ConferenceOwnedConfiguration
{
    /// <summary>Applies what every conference-owned row shares: the owner key, the concurrency token and the sample note.</summary>
    public static void ConfigureOwnedByConference<T>(this EntityTypeBuilder<T> builder)
        where T : ConferenceEntity
    {
        builder.HasOne<Conference>().WithMany().HasForeignKey(e => e.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.SampleNote).HasMaxLength(Text.TitleMaxLength);
    }
}

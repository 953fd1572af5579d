using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConferenceApp.Data.Configurations;

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.HasOne<Conference>().WithMany().HasForeignKey(u => u.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.Token).IsUnique();
        builder.HasIndex(u => u.UploadedAtUtc);
        builder.Property(u => u.Format).HasMaxLength(32).IsRequired();
        builder.Property(u => u.FileName).HasMaxLength(Text.NameMaxLength).IsRequired();
        builder.Property(u => u.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(u => u.UploadedBy).HasMaxLength(256).IsRequired();
    }
}

// The source key of imported rooms, sessions, talks and speakers: unique within a conference where set.
internal sealed class RoomSourceKeyConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder) => builder.ConfigureSourceKey();
}

internal sealed class SessionSourceKeyConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder) => builder.ConfigureSourceKey();
}

internal sealed class TalkSourceKeyConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> builder) => builder.ConfigureSourceKey();
}

internal sealed class SpeakerSourceKeyConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> builder)
    {
        builder.ConfigureSourceKey();
        builder.Property(s => s.Email).HasMaxLength(Speaker.EmailMaxLength);
        builder.HasIndex(s => new { s.ConferenceId, s.Email });
    }
}

internal static class SourceKeyConfiguration
{
    public static void ConfigureSourceKey<T>(this EntityTypeBuilder<T> builder)
        where T : ConferenceEntity, IImported
    {
        builder.Property(e => e.SourceKey).HasMaxLength(ImportSource.KeyMaxLength);
        builder.HasIndex(e => new { e.ConferenceId, e.SourceKey }).IsUnique().HasFilter("\"SourceKey\" IS NOT NULL");
    }
}

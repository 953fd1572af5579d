using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConferenceApp.Data.Configurations;

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> builder)
    {
        builder.HasOne<Conference>().WithMany().HasForeignKey(r => r.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Name).HasMaxLength(Release.NameMaxLength).IsRequired();
        builder.Property(r => r.NormalizedName).HasMaxLength(Release.NameMaxLength).IsRequired();
        builder.HasIndex(r => new { r.ConferenceId, r.NormalizedName }).IsUnique();
        builder.Property(r => r.Comment).HasMaxLength(Text.LongTextMaxLength);
        builder.Property(r => r.PublishedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(r => r.Guid).IsUnique();

        // No maximum length: a snapshot grows with the program.
        builder.Property(r => r.Snapshot).IsRequired();
    }
}

using ConferenceApp.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConferenceApp.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(OutboxMessage.AddressMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.HtmlBody).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);

        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The dispatcher looks for pending rows that are due, oldest first.
        builder.HasIndex(m => new { m.SentAtUtc, m.GaveUpAtUtc, m.NextAttemptUtc });
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> builder)
    {
        builder.ToTable("OutboxAttachments");
        builder.Property(a => a.FileName).HasMaxLength(OutboxAttachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.MediaType).HasMaxLength(OutboxAttachment.MediaTypeMaxLength).IsRequired();
        builder.Property(a => a.Content).IsRequired();
    }
}

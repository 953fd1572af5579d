using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConferenceApp.Data.Configurations;

internal sealed class PersonalAgendaConfiguration : IEntityTypeConfiguration<PersonalAgenda>
{
    public void Configure(EntityTypeBuilder<PersonalAgenda> builder)
    {
        builder.HasOne<Conference>().WithMany().HasForeignKey(a => a.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.TokenHash).IsUnique();

        // No maximum length: the number of keys is capped by the program's size when they are posted.
        builder.Property(a => a.ItemKeys).IsRequired();
        builder.Ignore(a => a.Items);
    }
}

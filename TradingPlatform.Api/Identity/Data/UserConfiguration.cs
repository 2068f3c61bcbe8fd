using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasConversion(id => id.Value, value => new UserId(value)).ValueGeneratedNever();
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(254);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.AvatarUrl).HasMaxLength(2048);
        builder.Property(u => u.Role).HasMaxLength(16);
        builder.HasIndex(u => u.CreatedAt);
        builder.Property(u => u.PasswordHash).HasMaxLength(512);
        builder.Property(u => u.TwoFactorSecret).HasMaxLength(1024);
        builder.OwnsOne(u => u.Preferences, preferences =>
        {
            preferences.ToJson();
            preferences.Property(p => p.Language).HasMaxLength(16);
            preferences.Property(p => p.Timezone).HasMaxLength(64);
            preferences.Property(p => p.Theme).HasMaxLength(8);
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Api.Identity.ApiKeys;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Identity.Data;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.UserId).HasConversion(id => id.Value, value => new UserId(value));
        // A deleted user's keys go with the account.
        builder.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(k => k.Name).HasMaxLength(ApiKeys.CreateApiKeyRequest.MaxNameLength);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.LookupLength);
        // Not unique: two keys may share the 54-bit prefix (improbably); the hash tells them apart.
        builder.HasIndex(k => k.Prefix);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Scopes).HasColumnType("text[]");
        builder.HasIndex(k => k.UserId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> builder)
    {
        builder.ToTable("order_status_history");
        builder.HasKey(change => change.Id);
        builder.Property(change => change.Id).UseIdentityAlwaysColumn();
        builder.Property(change => change.Reason).HasMaxLength(200);
        builder.HasIndex(change => change.OrderId);
    }
}

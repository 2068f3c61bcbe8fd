using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    private static readonly ValueConverter<ClientOrderId, string> ClientOrderIdConverter = new(id => id.Value, text => ClientOrderId.Parse(text));

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(order => order.Id);
        builder.Property(order => order.Symbol).HasMaxLength(32);
        builder.Property(order => order.ClientOrderId).HasConversion(ClientOrderIdConverter).HasMaxLength(ClientOrderId.MaxLength);
        builder.Property(order => order.RequestFingerprint).HasMaxLength(400);
        builder.Property(order => order.StatusReason).HasMaxLength(200);
        builder.Property(order => order.Status);
        builder.Property(order => order.FilledQuantity);
        builder.Property(order => order.AveragePrice);
        builder.Property(order => order.Commission);
        builder.Property(order => order.FilledAt);
        builder.Property(order => order.CancelledAt);
        builder.HasOne<TradingAccount>().WithMany().HasForeignKey(order => order.AccountId).OnDelete(DeleteBehavior.Restrict);

        // The idempotency key: concurrent retries of one client order id can create only one order.
        builder.HasIndex(order => new { order.AccountId, order.ClientOrderId }).IsUnique().HasFilter("\"ClientOrderId\" IS NOT NULL");
        // The orders list: by account, newest first (with the id as its tie-break), optionally by status.
        builder.HasIndex(order => new { order.AccountId, order.CreatedAt, order.Id });
        builder.HasIndex(order => new { order.AccountId, order.Status, order.CreatedAt, order.Id });
        // An account's working orders (every book load, for reads and changes): a small index of only those rows.
        builder.HasIndex(order => new { order.AccountId, order.CreatedAt }, "IX_orders_AccountId_working")
            .HasFilter("\"Status\" IN ('Open', 'PartiallyFilled')");
        // The tick processor looks for working orders per symbol.
        builder.HasIndex(order => new { order.Symbol, order.Status });
        builder.HasIndex(order => order.StrategyId).HasFilter("\"StrategyId\" IS NOT NULL");

        builder.HasMany(order => order.History).WithOne().HasForeignKey(change => change.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(order => order.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(order => order.RemainingQuantity);
        builder.Ignore(order => order.IsWorking);
        builder.Ignore(order => order.Direction);
        builder.Ignore(order => order.AwaitsTrigger);
    }
}

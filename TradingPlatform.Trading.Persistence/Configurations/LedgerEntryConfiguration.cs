using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Ledger;

namespace TradingPlatform.Trading.Persistence.Configurations;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Book).HasMaxLength(80);
        builder.Property(entry => entry.Description).HasMaxLength(200);
        builder.HasOne<TradingAccount>().WithMany().HasForeignKey(entry => entry.AccountId).OnDelete(DeleteBehavior.Restrict);
        // The ledger list (an account's cash book, newest first, the id as tie-break) and the reconciliation's sum of
        // the cash book, which the included amount answers from the index alone.
        builder.HasIndex(entry => new { entry.AccountId, entry.Book, entry.CreatedAt, entry.Id }).IncludeProperties(entry => entry.Amount);
        builder.HasIndex(entry => entry.TransactionId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Persistence.Configurations;

/// <summary>Table <c>trading.instruments</c>: one row per symbol; trading hours are stored as a profile name.</summary>
internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> builder)
    {
        builder.ToTable("instruments");
        builder.HasKey(i => i.Symbol);
        builder.Property(i => i.Symbol).HasColumnName("symbol").HasMaxLength(32);
        builder.Property(i => i.Name).HasColumnName("name").HasMaxLength(100);
        builder.Property(i => i.Type).HasColumnName("type").HasMaxLength(16)
            .HasConversion(t => t.ToString().ToLowerInvariant(), s => Enum.Parse<InstrumentType>(s, true));
        builder.Property(i => i.BaseAsset).HasColumnName("base_asset").HasMaxLength(16);
        builder.Property(i => i.QuoteAsset).HasColumnName("quote_asset").HasMaxLength(16);
        builder.Property(i => i.TickSize).HasColumnName("tick_size");
        builder.Property(i => i.LotSize).HasColumnName("lot_size");
        builder.Property(i => i.MinQuantity).HasColumnName("min_quantity");
        builder.Property(i => i.MaxQuantity).HasColumnName("max_quantity");
        builder.Property(i => i.Spread).HasColumnName("spread");
        builder.Property(i => i.SlippageFactor).HasColumnName("slippage_factor");
        builder.Property(i => i.SizeImpact).HasColumnName("size_impact");
        builder.Property(i => i.CommissionRate).HasColumnName("commission_rate");
        builder.Property(i => i.MinCommission).HasColumnName("min_commission");
        builder.Property(i => i.MaxLeverage).HasColumnName("max_leverage");
        builder.Property(i => i.MaintenanceMarginRate).HasColumnName("maintenance_margin_rate");
        builder.Property(i => i.TopOfBookSize).HasColumnName("top_of_book_size");
        builder.Property(i => i.DailyFundingRate).HasColumnName("daily_funding_rate");
        builder.Property(i => i.AnnualVolatility).HasColumnName("annual_volatility");
        builder.Property(i => i.InitialPrice).HasColumnName("initial_price");
        builder.Property(i => i.Active).HasColumnName("active");
        // A backtest-only knob (0 makes fills deterministic for sweep comparisons); the venue always uses the default.
        builder.Ignore(i => i.RandomSlippage);
        builder.Property(i => i.Hours).HasColumnName("hours_profile").HasMaxLength(32)
            .HasConversion(
                h => TradingHoursProfiles.NameOf(h),
                s => TradingHoursProfiles.FromName(s),
                new ValueComparer<TradingHours>((a, b) => ReferenceEquals(a, b), h => h.Description.GetHashCode(StringComparison.Ordinal), h => h));
        builder.HasIndex(i => i.Type);
    }
}

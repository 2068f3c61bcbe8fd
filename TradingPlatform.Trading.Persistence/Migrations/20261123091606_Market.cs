using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradingPlatform.Trading.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Market : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "candles",
                schema: "trading",
                columns: table => new
                {
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    interval = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    open_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    open = table.Column<decimal>(type: "numeric", nullable: false),
                    high = table.Column<decimal>(type: "numeric", nullable: false),
                    low = table.Column<decimal>(type: "numeric", nullable: false),
                    close = table.Column<decimal>(type: "numeric", nullable: false),
                    volume = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_candles", x => new { x.symbol, x.interval, x.open_time });
                });

            migrationBuilder.CreateTable(
                name: "instruments",
                schema: "trading",
                columns: table => new
                {
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    base_asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    quote_asset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    tick_size = table.Column<decimal>(type: "numeric", nullable: false),
                    lot_size = table.Column<decimal>(type: "numeric", nullable: false),
                    min_quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    max_quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    spread = table.Column<decimal>(type: "numeric", nullable: false),
                    slippage_factor = table.Column<decimal>(type: "numeric", nullable: false),
                    size_impact = table.Column<decimal>(type: "numeric", nullable: false),
                    commission_rate = table.Column<decimal>(type: "numeric", nullable: false),
                    min_commission = table.Column<decimal>(type: "numeric", nullable: false),
                    max_leverage = table.Column<int>(type: "integer", nullable: false),
                    maintenance_margin_rate = table.Column<decimal>(type: "numeric", nullable: false),
                    top_of_book_size = table.Column<decimal>(type: "numeric", nullable: false),
                    daily_funding_rate = table.Column<decimal>(type: "numeric", nullable: false),
                    annual_volatility = table.Column<decimal>(type: "numeric", nullable: false),
                    initial_price = table.Column<decimal>(type: "numeric", nullable: false),
                    hours_profile = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instruments", x => x.symbol);
                });

            migrationBuilder.CreateIndex(
                name: "IX_instruments_type",
                schema: "trading",
                table: "instruments",
                column: "type");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "candles",
                schema: "trading");

            migrationBuilder.DropTable(
                name: "instruments",
                schema: "trading");
        }
    }
}

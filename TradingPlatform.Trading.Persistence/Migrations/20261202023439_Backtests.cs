using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradingPlatform.Trading.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Backtests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AccountId",
                schema: "trading",
                table: "strategies",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Algorithm",
                schema: "trading",
                table: "strategies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Interval",
                schema: "trading",
                table: "strategies",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                defaultValue: "1h");

            migrationBuilder.CreateTable(
                name: "backtests",
                schema: "trading",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    StrategyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Algorithm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Parameters = table.Column<string>(type: "jsonb", nullable: false),
                    Symbols = table.Column<List<string>>(type: "text[]", nullable: false),
                    Interval = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InitialBalance = table.Column<decimal>(type: "numeric", nullable: false),
                    Leverage = table.Column<int>(type: "integer", nullable: false),
                    CommissionRate = table.Column<decimal>(type: "numeric", nullable: true),
                    SlippageFactor = table.Column<decimal>(type: "numeric", nullable: true),
                    IntrabarPath = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Seed = table.Column<Guid>(type: "uuid", nullable: false),
                    RiskFreeRate = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    JobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Bars = table.Column<long>(type: "bigint", nullable: false),
                    Metrics = table.Column<string>(type: "jsonb", nullable: true),
                    EquityCurve = table.Column<string>(type: "jsonb", nullable: true),
                    Gaps = table.Column<string>(type: "jsonb", nullable: true),
                    TradeCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RiskManagement_MaxDailyLoss = table.Column<decimal>(type: "numeric", nullable: false),
                    RiskManagement_MaxRiskPerTrade = table.Column<decimal>(type: "numeric", nullable: false),
                    RiskManagement_StopLoss = table.Column<decimal>(type: "numeric", nullable: false),
                    RiskManagement_TakeProfit = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_backtests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "optimizations",
                schema: "trading",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StrategyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Algorithm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FixedParameters = table.Column<string>(type: "jsonb", nullable: false),
                    Grid = table.Column<string>(type: "jsonb", nullable: false),
                    Objective = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MaxDrawdown = table.Column<double>(type: "double precision", nullable: true),
                    MinTrades = table.Column<int>(type: "integer", nullable: true),
                    WalkForward = table.Column<string>(type: "jsonb", nullable: true),
                    Symbols = table.Column<List<string>>(type: "text[]", nullable: false),
                    Interval = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InitialBalance = table.Column<decimal>(type: "numeric", nullable: false),
                    Leverage = table.Column<int>(type: "integer", nullable: false),
                    CommissionRate = table.Column<decimal>(type: "numeric", nullable: true),
                    SlippageFactor = table.Column<decimal>(type: "numeric", nullable: true),
                    IntrabarPath = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Seed = table.Column<Guid>(type: "uuid", nullable: false),
                    RiskFreeRate = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    JobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Combinations = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Backend = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Results = table.Column<string>(type: "jsonb", nullable: true),
                    WalkForwardResult = table.Column<string>(type: "jsonb", nullable: true),
                    BestBacktestId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RiskManagement_MaxDailyLoss = table.Column<decimal>(type: "numeric", nullable: false),
                    RiskManagement_MaxRiskPerTrade = table.Column<decimal>(type: "numeric", nullable: false),
                    RiskManagement_StopLoss = table.Column<decimal>(type: "numeric", nullable: false),
                    RiskManagement_TakeProfit = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_optimizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "backtest_trades",
                schema: "trading",
                columns: table => new
                {
                    BacktestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    EntryAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EntryPrice = table.Column<decimal>(type: "numeric", nullable: false),
                    ExitAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExitPrice = table.Column<decimal>(type: "numeric", nullable: false),
                    GrossPnl = table.Column<decimal>(type: "numeric", nullable: false),
                    Fees = table.Column<decimal>(type: "numeric", nullable: false),
                    NetPnl = table.Column<decimal>(type: "numeric", nullable: false),
                    ExitReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_backtest_trades", x => new { x.BacktestId, x.Number });
                    table.ForeignKey(
                        name: "FK_backtest_trades_backtests_BacktestId",
                        column: x => x.BacktestId,
                        principalSchema: "trading",
                        principalTable: "backtests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_strategies_Status_Type",
                schema: "trading",
                table: "strategies",
                columns: new[] { "Status", "Type" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_backtests_OwnerId_CreatedAt",
                schema: "trading",
                table: "backtests",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_optimizations_OwnerId_CreatedAt",
                schema: "trading",
                table: "optimizations",
                columns: new[] { "OwnerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "backtest_trades",
                schema: "trading");

            migrationBuilder.DropTable(
                name: "optimizations",
                schema: "trading");

            migrationBuilder.DropTable(
                name: "backtests",
                schema: "trading");

            migrationBuilder.DropIndex(
                name: "IX_strategies_Status_Type",
                schema: "trading",
                table: "strategies");

            migrationBuilder.DropColumn(
                name: "AccountId",
                schema: "trading",
                table: "strategies");

            migrationBuilder.DropColumn(
                name: "Algorithm",
                schema: "trading",
                table: "strategies");

            migrationBuilder.DropColumn(
                name: "Interval",
                schema: "trading",
                table: "strategies");
        }
    }
}

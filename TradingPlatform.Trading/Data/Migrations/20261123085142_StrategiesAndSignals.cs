using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradingPlatform.Trading.Data.Migrations
{
    /// <inheritdoc />
    public partial class StrategiesAndSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "trading");

            migrationBuilder.CreateTable(
                name: "strategies",
                schema: "trading",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Symbols = table.Column<List<string>>(type: "text[]", nullable: false),
                    Parameters = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RiskManagement_MaxDailyLoss = table.Column<decimal>(type: "numeric", nullable: false),
                    RiskManagement_MaxRiskPerTrade = table.Column<decimal>(type: "numeric", nullable: false),
                    RiskManagement_StopLoss = table.Column<decimal>(type: "numeric", nullable: false),
                    RiskManagement_TakeProfit = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signals",
                schema: "trading",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    Side = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Pattern = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Meta = table.Column<string>(type: "jsonb", nullable: true),
                    StrategyId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source_Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source_Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Source_SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_signals_strategies_StrategyId",
                        column: x => x.StrategyId,
                        principalSchema: "trading",
                        principalTable: "strategies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_signals_StrategyId",
                schema: "trading",
                table: "signals",
                column: "StrategyId");

            migrationBuilder.CreateIndex(
                name: "IX_signals_Symbol_Time_Id",
                schema: "trading",
                table: "signals",
                columns: new[] { "Symbol", "Time", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_signals_Time_Id",
                schema: "trading",
                table: "signals",
                columns: new[] { "Time", "Id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "IX_strategies_OwnerId_CreatedAt",
                schema: "trading",
                table: "strategies",
                columns: new[] { "OwnerId", "CreatedAt" },
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signals",
                schema: "trading");

            migrationBuilder.DropTable(
                name: "strategies",
                schema: "trading");
        }
    }
}

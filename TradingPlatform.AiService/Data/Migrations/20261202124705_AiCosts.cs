using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradingPlatform.AiService.Data.Migrations
{
    /// <inheritdoc />
    public partial class AiCosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ai_call_records",
                schema: "ai",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Feature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InputUnits = table.Column<long>(type: "bigint", nullable: false),
                    OutputUnits = table.Column<long>(type: "bigint", nullable: false),
                    LatencyMs = table.Column<double>(type: "double precision", nullable: false),
                    DeviceSeconds = table.Column<double>(type: "double precision", nullable: false),
                    CostUsd = table.Column<decimal>(type: "numeric(20,10)", precision: 20, scale: 10, nullable: false),
                    ExecutionProvider = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ai_call_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ai_call_records_Feature_RecordedAt",
                schema: "ai",
                table: "ai_call_records",
                columns: new[] { "Feature", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ai_call_records_RecordedAt",
                schema: "ai",
                table: "ai_call_records",
                column: "RecordedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_call_records",
                schema: "ai");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradingPlatform.Worker.Analytics.Migrations
{
    /// <inheritdoc />
    public partial class ConfigSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "config_analysis_requests",
                schema: "analytics");

            migrationBuilder.CreateTable(
                name: "config_analysis_runs",
                schema: "analytics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Figures = table.Column<string>(type: "jsonb", nullable: false),
                    SuggestionCount = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_config_analysis_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "config_suggestions",
                schema: "analytics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StrategyId = table.Column<Guid>(type: "uuid", nullable: true),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Setting = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CurrentValue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProposedValue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reasoning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExpectedEffect = table.Column<string>(type: "jsonb", nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_config_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_config_suggestions_config_analysis_runs_RunId",
                        column: x => x.RunId,
                        principalSchema: "analytics",
                        principalTable: "config_analysis_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_config_analysis_runs_UserId_StartedAt",
                schema: "analytics",
                table: "config_analysis_runs",
                columns: new[] { "UserId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_config_suggestions_RunId_Key",
                schema: "analytics",
                table: "config_suggestions",
                columns: new[] { "RunId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_config_suggestions_UserId_Status_CreatedAt",
                schema: "analytics",
                table: "config_suggestions",
                columns: new[] { "UserId", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "config_suggestions",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "config_analysis_runs",
                schema: "analytics");

            migrationBuilder.CreateTable(
                name: "config_analysis_requests",
                schema: "analytics",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_config_analysis_requests", x => x.UserId);
                });
        }
    }
}

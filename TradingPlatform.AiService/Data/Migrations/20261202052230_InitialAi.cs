using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradingPlatform.AiService.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialAi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "ai");

            migrationBuilder.CreateTable(
                name: "forecast_models",
                schema: "ai",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Interval = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Lookback = table.Column<int>(type: "integer", nullable: false),
                    Horizon = table.Column<int>(type: "integer", nullable: false),
                    StackType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HyperParameters = table.Column<string>(type: "jsonb", nullable: false),
                    DataStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DataEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Metrics = table.Column<string>(type: "jsonb", nullable: false),
                    IntervalHalfWidths = table.Column<string>(type: "jsonb", nullable: false),
                    IntervalLevel = table.Column<double>(type: "double precision", nullable: false),
                    Onnx = table.Column<byte[]>(type: "bytea", nullable: false),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TrainingRunId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Decision = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forecast_models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "training_runs",
                schema: "ai",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Interval = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Request = table.Column<string>(type: "jsonb", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    JobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Epochs = table.Column<string>(type: "jsonb", nullable: false),
                    MaxEpochs = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    ModelId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_forecast_models_Name_Version",
                schema: "ai",
                table: "forecast_models",
                columns: new[] { "Name", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forecast_models_active",
                schema: "ai",
                table: "forecast_models",
                columns: new[] { "Symbol", "Interval" },
                unique: true,
                filter: "\"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_training_runs_OwnerId_CreatedAt",
                schema: "ai",
                table: "training_runs",
                columns: new[] { "OwnerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forecast_models",
                schema: "ai");

            migrationBuilder.DropTable(
                name: "training_runs",
                schema: "ai");
        }
    }
}

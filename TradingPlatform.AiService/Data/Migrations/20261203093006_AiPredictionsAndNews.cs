using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradingPlatform.AiService.Data.Migrations
{
    /// <inheritdoc />
    public partial class AiPredictionsAndNews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "news_items",
                schema: "ai",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DedupeKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Headline = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Symbols = table.Column<List<string>>(type: "text[]", nullable: false),
                    SentimentScore = table.Column<double>(type: "double precision", nullable: false),
                    SentimentLabel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AuthenticityScore = table.Column<double>(type: "double precision", nullable: false),
                    Impact = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Model = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "predictions",
                schema: "ai",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Interval = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ModelVersion = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnchorTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnchorPrice = table.Column<double>(type: "double precision", nullable: false),
                    Horizon = table.Column<int>(type: "integer", nullable: false),
                    IntervalLevel = table.Column<double>(type: "double precision", nullable: false),
                    Points = table.Column<string>(type: "jsonb", nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Probability = table.Column<double>(type: "double precision", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Realised = table.Column<string>(type: "jsonb", nullable: true),
                    MissingSteps = table.Column<string>(type: "jsonb", nullable: true),
                    Mae = table.Column<double>(type: "double precision", nullable: true),
                    Smape = table.Column<double>(type: "double precision", nullable: true),
                    PointsInside = table.Column<int>(type: "integer", nullable: true),
                    DirectionHit = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_predictions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_news_items_DedupeKey",
                schema: "ai",
                table: "news_items",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_news_items_PublishedAt",
                schema: "ai",
                table: "news_items",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_news_items_Symbols",
                schema: "ai",
                table: "news_items",
                column: "Symbols")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_predictions_ModelName_Symbol_Status",
                schema: "ai",
                table: "predictions",
                columns: new[] { "ModelName", "Symbol", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_predictions_UserId_IssuedAt_Id",
                schema: "ai",
                table: "predictions",
                columns: new[] { "UserId", "IssuedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_predictions_pending",
                schema: "ai",
                table: "predictions",
                columns: new[] { "DueAt", "Id" },
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "news_items",
                schema: "ai");

            migrationBuilder.DropTable(
                name: "predictions",
                schema: "ai");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradingPlatform.AiService.Data.Migrations
{
    /// <inheritdoc />
    public partial class AiNews : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "news_items",
                schema: "ai");
        }
    }
}

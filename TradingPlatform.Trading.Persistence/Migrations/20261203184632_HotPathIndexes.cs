using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TradingPlatform.Trading.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HotPathIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_AccountId_CreatedAt",
                schema: "trading",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_AccountId_Book_CreatedAt",
                schema: "trading",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_fills_AccountId_ExecutedAt",
                schema: "trading",
                table: "fills");

            migrationBuilder.DropIndex(
                name: "IX_equity_snapshots_AccountId_At",
                schema: "trading",
                table: "equity_snapshots");

            migrationBuilder.CreateIndex(
                name: "IX_orders_AccountId_CreatedAt_Id",
                schema: "trading",
                table: "orders",
                columns: new[] { "AccountId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_AccountId_Status_CreatedAt_Id",
                schema: "trading",
                table: "orders",
                columns: new[] { "AccountId", "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_AccountId_working",
                schema: "trading",
                table: "orders",
                columns: new[] { "AccountId", "CreatedAt" },
                filter: "\"Status\" IN ('Open', 'PartiallyFilled')");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_AccountId_Book_CreatedAt_Id",
                schema: "trading",
                table: "ledger_entries",
                columns: new[] { "AccountId", "Book", "CreatedAt", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_fills_AccountId_ExecutedAt_Id",
                schema: "trading",
                table: "fills",
                columns: new[] { "AccountId", "ExecutedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_equity_snapshots_AccountId_At",
                schema: "trading",
                table: "equity_snapshots",
                columns: new[] { "AccountId", "At" })
                .Annotation("Npgsql:IndexInclude", new[] { "Equity" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_AccountId_CreatedAt_Id",
                schema: "trading",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_AccountId_Status_CreatedAt_Id",
                schema: "trading",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_AccountId_working",
                schema: "trading",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_AccountId_Book_CreatedAt_Id",
                schema: "trading",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_fills_AccountId_ExecutedAt_Id",
                schema: "trading",
                table: "fills");

            migrationBuilder.DropIndex(
                name: "IX_equity_snapshots_AccountId_At",
                schema: "trading",
                table: "equity_snapshots");

            migrationBuilder.CreateIndex(
                name: "IX_orders_AccountId_CreatedAt",
                schema: "trading",
                table: "orders",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_AccountId_Book_CreatedAt",
                schema: "trading",
                table: "ledger_entries",
                columns: new[] { "AccountId", "Book", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_fills_AccountId_ExecutedAt",
                schema: "trading",
                table: "fills",
                columns: new[] { "AccountId", "ExecutedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_equity_snapshots_AccountId_At",
                schema: "trading",
                table: "equity_snapshots",
                columns: new[] { "AccountId", "At" });
        }
    }
}

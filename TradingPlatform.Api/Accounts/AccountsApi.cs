using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Ledger;

namespace TradingPlatform.Api.Accounts;

/// <summary>
/// <c>/api/accounts</c> (seed 004): the caller's trading accounts, their cash movements and their ledger. Another
/// user's account answers 404, exactly like an unknown id.
/// </summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder trading)
    {
        ArgumentNullException.ThrowIfNull(trading);
        var group = trading.MapGroup("/api/accounts").WithTags("Accounts");
        group.MapPost("/", CreateAsync).ProducesValidationError().RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("CreateAccount").WithSummary("Create a trading account with an initial deposit");
        group.MapGet("/", ListAsync).WithName("ListAccounts").WithSummary("List the caller's trading accounts");
        group.MapGet("/{accountId:guid}", GetAsync).WithName("GetAccount").WithSummary("One account with balance, equity, margin and P&L at current prices");
        group.MapDelete("/{accountId:guid}", DeleteAsync).RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("DeleteAccount").WithSummary("Delete (soft) an account; refused with 409 while positions or orders are open");
        group.MapPost("/{accountId:guid}/deposit", DepositAsync).ProducesValidationError().RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("DepositCash").WithSummary("Deposit cash (a ledger transaction)");
        group.MapPost("/{accountId:guid}/withdraw", WithdrawAsync).ProducesValidationError().RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("WithdrawCash").WithSummary("Withdraw cash, at most the free margin");
        group.MapGet("/{accountId:guid}/ledger", LedgerAsync).WithName("ListLedgerEntries").WithSummary("The account's ledger entries, newest first");
        group.MapGet("/{accountId:guid}/ledger/reconcile", ReconcileAsync)
            .WithName("ReconcileLedger").WithSummary("Whether the balance equals the sum of the ledger entries");
        trading.MapPost("/api/admin/accounts/{accountId:guid}/adjustments", AdjustAsync).WithTags("Accounts")
            .ProducesValidationError().RequireAuthorization(AuthorizationPolicies.Admin)
            .WithName("AdjustAccountCash").WithSummary("Book a correction to any account's cash (admin): a signed amount and a reason");
        return group;
    }

    private static async Task<Created<ApiResponse<AccountResponse>>> CreateAsync(
        CreateAccountRequest request, HttpContext http, AccountService accounts, TimeProvider time)
    {
        var account = await accounts.CreateAsync(http.User.GetUserId().Value, request, http.RequestAborted);
        return ApiResults.Created($"/api/accounts/{account.Id}", account, time);
    }

    private static async Task<Ok<PagedResponse<AccountResponse>>> ListAsync(int? page, int? limit, HttpContext http, AccountService accounts, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var (items, total) = await accounts.ListAsync(http.User.GetUserId().Value, request, http.RequestAborted);
        return ApiResults.Page(items, request, total, time);
    }

    private static async Task<Ok<ApiResponse<AccountResponse>>> GetAsync(Guid accountId, HttpContext http, AccountService accounts, TimeProvider time) =>
        ApiResults.Ok(await accounts.GetAsync(http.User.GetUserId().Value, new AccountId(accountId), http.RequestAborted), time);

    private static async Task<NoContent> DeleteAsync(Guid accountId, HttpContext http, AccountService accounts)
    {
        await accounts.DeleteAsync(http.User.GetUserId().Value, new AccountId(accountId), http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ApiResponse<AccountResponse>>> DepositAsync(
        Guid accountId, TransferRequest request, HttpContext http, AccountService accounts, TimeProvider time) =>
        ApiResults.Ok(await accounts.DepositAsync(http.User.GetUserId().Value, new AccountId(accountId), request, http.RequestAborted), time, "Deposit booked.");

    private static async Task<Ok<ApiResponse<AccountResponse>>> WithdrawAsync(
        Guid accountId, TransferRequest request, HttpContext http, AccountService accounts, TimeProvider time) =>
        ApiResults.Ok(await accounts.WithdrawAsync(http.User.GetUserId().Value, new AccountId(accountId), request, http.RequestAborted), time, "Withdrawal booked.");

    private static async Task<Ok<ApiResponse<AccountResponse>>> AdjustAsync(
        Guid accountId, AdjustmentRequest request, HttpContext http, AccountService accounts, TimeProvider time) =>
        ApiResults.Ok(await accounts.AdjustAsync(new AccountId(accountId), request, http.RequestAborted), time, "Adjustment booked.");

    private static async Task<Ok<PagedResponse<LedgerEntryResponse>>> LedgerAsync(
        Guid accountId, int? page, int? limit, string? type, HttpContext http, AccountService accounts, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        LedgerEntryType? entryType = type is null ? null : ApiNames.Parse<LedgerEntryType>(type, "type");
        var (items, total) = await accounts.LedgerAsync(http.User.GetUserId().Value, new AccountId(accountId), request, entryType, http.RequestAborted);
        return ApiResults.Page(items, request, total, time);
    }

    private static async Task<Ok<ApiResponse<ReconciliationResponse>>> ReconcileAsync(Guid accountId, HttpContext http, AccountService accounts, TimeProvider time) =>
        ApiResults.Ok(await accounts.ReconcileAsync(http.User.GetUserId().Value, new AccountId(accountId), http.RequestAborted), time);
}

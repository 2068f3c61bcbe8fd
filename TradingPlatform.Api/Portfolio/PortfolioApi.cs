using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Trading.Accounts;

namespace TradingPlatform.Api.Portfolio;

/// <summary><c>/api/accounts/{accountId}/portfolio</c>: the portfolio of any of the caller's accounts (another user's answers 404).</summary>
public static class PortfolioApi
{
    public static RouteHandlerBuilder MapPortfolioApi(this RouteGroupBuilder trading)
    {
        ArgumentNullException.ThrowIfNull(trading);
        return trading.MapGet("/api/accounts/{accountId:guid}/portfolio", GetAsync).WithTags("Portfolio")
            .WithName("GetAccountPortfolio").WithSummary("The account's portfolio: totals, P&L and performance");
    }

    private static async Task<Ok<ApiResponse<PortfolioResponse>>> GetAsync(
        Guid accountId, HttpContext http, PortfolioService portfolio, TimeProvider time) =>
        ApiResults.Ok(await portfolio.GetAsync(http.User.GetUserId().Value, new AccountId(accountId), http.RequestAborted), time);
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TradingPlatform.Api.Infrastructure.OpenApi;

/// <summary>
/// A description for each tag the endpoints use (<c>.WithTags(...)</c>), so the interactive reference and generated
/// clients can say what a group of operations is for. A tag missing here keeps no description; the generator lists it anyway.
/// </summary>
internal sealed class TagDescriptionsTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Auth"] = "Register, sign in, refresh and sign out; JWT access tokens (15 minutes) with rotating refresh tokens (7 days).",
        ["Two-factor"] = "Optional TOTP second factor: enrol, turn on with a code, turn off with a code.",
        ["Users"] = "The caller's profile, preferences and password; another user's only for admins.",
        ["Admin"] = "Admins only: users, roles, activation, the security audit log and the messaging outbox and dead letters.",
        ["API keys"] = "Scoped keys (read, trade, backtest) for agents connecting to /mcp; the REST API itself takes access tokens.",
        ["System"] = "Health of the platform's components and GPUs, their metrics, and restarts under the AppHost.",
        ["Market"] = "Instruments, symbols, quotes and OHLCV candles of the simulated market (anonymous), and CSV import (admins).",
        ["Accounts"] = "The caller's trading accounts: balance, equity and margin, deposits and withdrawals, and the ledger.",
        ["Portfolio"] = "An account's totals, P&L and performance at current prices.",
        ["Orders"] = "Orders of one of the caller's accounts: place (idempotent by clientOrderId), list, modify and cancel.",
        ["Positions"] = "Open and closed positions of one of the caller's accounts, with stop-loss, take-profit and closing.",
        ["Trading (default account)"] = "Seed 001's /api/trading endpoints: orders, positions and portfolio of the caller's default account.",
        ["Executions"] = "Fills across the caller's accounts.",
        ["Strategies"] = "The caller's trading strategies, the algorithms they can run, and their live performance.",
        ["Signals"] = "Trading signals from strategies, the AI and internal services, cursor-paginated.",
        ["Backtests"] = "Backtests of a saved or inline strategy, run by the Worker: status, metrics, trades and charts.",
        ["Optimizations"] = "Parameter sweeps and walk-forward analyses, run by the Worker, with ranked results and heat maps.",
        ["AI"] = "Configuration analysis of the caller's strategies and accounts, and the suggestions it makes.",
        ["Analysis"] = "AI market analysis of a symbol and the recommendations it stored.",
        ["AI costs"] = "Requests, tokens, cost and latency of the platform's AI calls.",
        ["Forecasting"] = "N-BEATS forecasts with calibrated intervals, trend predictions and their live scores (AiService).",
        ["Training"] = "Training runs of the forecasting models (AiService, on its training queue).",
        ["Sentiment"] = "Sentiment of a text and the time-decayed news sentiment of a symbol (AiService).",
        ["News"] = "Ingested news items with their sentiment and recognised symbols (AiService).",
        ["Project chat"] = "Questions about the platform answered from its documentation, with citations (AiService).",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                tag.Description ??= description;
            }
        }

        return Task.CompletedTask;
    }
}

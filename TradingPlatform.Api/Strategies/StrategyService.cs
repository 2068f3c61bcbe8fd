using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Strategies;

/// <summary>
/// A user's strategies. Every method takes the caller's id and sees only that user's strategies: another user's
/// strategy answers 404, exactly like one that does not exist, so that ids cannot be probed.
/// </summary>
public sealed class StrategyService(TradingDbContext db, IStrategyTradeSource trades, TimeProvider time)
{
    public async Task<(IReadOnlyList<StrategyResponse> Items, long Total)> ListAsync(
        Guid ownerId, PageRequest page, StrategyStatus? status, StrategyType? type, CancellationToken cancellationToken)
    {
        var query = db.Set<Strategy>().AsNoTracking().Where(s => s.OwnerId == ownerId);
        if (status is { } s1)
        {
            query = query.Where(s => s.Status == s1);
        }

        if (type is { } t1)
        {
            query = query.Where(s => s.Type == t1);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var strategies = await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip(page.Skip).Take(page.Limit).ToListAsync(cancellationToken);
        var items = new List<StrategyResponse>(strategies.Count);
        foreach (var strategy in strategies)
        {
            items.Add(await ToResponseAsync(strategy, cancellationToken));
        }

        return (items, total);
    }

    public async Task<StrategyResponse> GetAsync(Guid ownerId, StrategyId id, CancellationToken cancellationToken) =>
        await ToResponseAsync(await FindOwnedAsync(ownerId, id, cancellationToken), cancellationToken);

    public async Task<StrategyResponse> CreateAsync(Guid ownerId, CreateStrategyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = request.ToStrategy(ownerId, time.GetUtcNow());
        await EnsureOwnAccountAsync(ownerId, strategy.AccountId, cancellationToken);
        db.Add(strategy);
        await db.SaveChangesAsync(cancellationToken);
        return StrategyResponse.From(strategy, StrategyPerformance.Empty);
    }

    public async Task<StrategyResponse> UpdateAsync(Guid ownerId, StrategyId id, UpdateStrategyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = await FindOwnedAsync(ownerId, id, cancellationToken);
        var now = time.GetUtcNow();
        if (request.RequestedStatus is { } status)
        {
            if (!strategy.CanChangeStatusTo(status))
            {
                throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                    $"A {Lower(strategy.Status)} strategy cannot become {Lower(status)}.",
                    new Dictionary<string, string[]> { ["status"] = [$"Allowed from {Lower(strategy.Status)}: {AllowedFrom(strategy.Status)}."] });
            }

            strategy.ChangeStatus(status, now);
        }

        if (request.Algorithm is null && request.Parameters is not null && strategy.Algorithm is not null
            && AlgorithmInput.Validate(strategy.Algorithm, request.Parameters).ToList() is { Count: > 0 } problems)
        {
            // New parameters for the algorithm already stored: the request alone could not check them.
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, "One or more fields are invalid.",
                problems.GroupBy(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.MemberNames.First()))
                    .ToDictionary(g => g.Key, g => g.Select(p => p.ErrorMessage ?? "is invalid").ToArray()));
        }

        request.ApplyTo(strategy, now);
        await EnsureOwnAccountAsync(ownerId, strategy.AccountId, cancellationToken);
        if (strategy.Status == StrategyStatus.Active && strategy.Type == StrategyType.Automated && (strategy.Algorithm is null || strategy.AccountId is null))
        {
            // An automated strategy runs live once active: it needs something to run and somewhere to trade.
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                "An automated strategy needs an algorithm and an accountId before it can be active.",
                new Dictionary<string, string[]> { [strategy.Algorithm is null ? "algorithm" : "accountId"] = ["Required to activate an automated strategy."] });
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(strategy, cancellationToken);
    }

    public async Task DeleteAsync(Guid ownerId, StrategyId id, CancellationToken cancellationToken)
    {
        var strategy = await FindOwnedAsync(ownerId, id, cancellationToken);
        strategy.Delete(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Another user's account (or an unknown one) is refused the same way: nothing about it is revealed.</summary>
    private async Task EnsureOwnAccountAsync(Guid ownerId, TradingPlatform.Trading.Accounts.AccountId? accountId, CancellationToken cancellationToken)
    {
        if (accountId is { } id && !await db.Accounts.AnyAsync(a => a.Id == id && a.OwnerId == ownerId && a.DeletedAt == null, cancellationToken))
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, "The accountId is not one of your accounts.",
                new Dictionary<string, string[]> { ["accountId"] = ["Not one of your accounts."] });
        }
    }

    private async Task<Strategy> FindOwnedAsync(Guid ownerId, StrategyId id, CancellationToken cancellationToken) =>
        await db.Set<Strategy>().SingleOrDefaultAsync(s => s.Id == id && s.OwnerId == ownerId, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Strategy not found.");

    private async Task<StrategyResponse> ToResponseAsync(Strategy strategy, CancellationToken cancellationToken) =>
        StrategyResponse.From(strategy, StrategyPerformance.Calculate(await trades.GetClosedTradesAsync(strategy.Id, cancellationToken)));

    private static string Lower(StrategyStatus status) => status.ToString().ToLowerInvariant();

    private static string AllowedFrom(StrategyStatus from) =>
        string.Join(", ", Enum.GetValues<StrategyStatus>().Where(to => to != from && StrategyStatusTransitions.IsAllowed(from, to)).Select(Lower));
}

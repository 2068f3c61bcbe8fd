using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Validation;
using TradingPlatform.Api.Strategies;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Api.Analysis;

/// <summary>
/// Applies or dismisses one of the caller's suggestions. Applying changes the strategy through
/// <see cref="StrategyService.UpdateAsync"/> (the strategy update's validation, transitions and ownership checks) or the
/// account's limit, marks the suggestion applied and writes the audit entry, in one transaction of the trading context
/// (the suggestion row is locked first, so that two applies cannot both win). The audit entry is saved just before the
/// commit: a failure to audit rolls the change back.
/// </summary>
public sealed class ConfigSuggestionApplier(
    TradingDbContext db, ConfigSuggestionsStore store, StrategyService strategies, IdentityDbContext identity, AuditLog audit, TimeProvider time)
{
    public const string AppliedEvent = "config_suggestion.applied";
    public const string DismissedEvent = "config_suggestion.dismissed";

    public async Task<ConfigSuggestionRow> ApplyAsync(Guid userId, Guid id, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            identity.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var suggestion = await FindActiveAsync(userId, id, forUpdate: true, "applied", token);
            if (ConfigSettings.IsStrategySetting(suggestion.Setting))
            {
                await ApplyToStrategyAsync(userId, suggestion, token);
            }
            else
            {
                await ApplyToAccountAsync(userId, suggestion, token);
            }

            var now = time.GetUtcNow();
            await store.CloseAsync(userId, id, "applied", now, token);
            await AuditAsync(AppliedEvent, userId, suggestion, token);
            await transaction.CommitAsync(token);
            return suggestion with { Status = "applied", AppliedAt = now };
        }, cancellationToken);

    public async Task<ConfigSuggestionRow> DismissAsync(Guid userId, Guid id, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            identity.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var suggestion = await FindActiveAsync(userId, id, forUpdate: true, "dismissed", token);
            await store.CloseAsync(userId, id, "dismissed", null, token);
            await AuditAsync(DismissedEvent, userId, suggestion, token);
            await transaction.CommitAsync(token);
            return suggestion with { Status = "dismissed" };
        }, cancellationToken);

    private async Task<ConfigSuggestionRow> FindActiveAsync(Guid userId, Guid id, bool forUpdate, string verb, CancellationToken cancellationToken)
    {
        var suggestion = await store.FindAsync(userId, id, forUpdate, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Suggestion not found.");
        if (suggestion.Status != "active")
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                $"The suggestion is {suggestion.Status}; only an active one can be {verb}.",
                new Dictionary<string, string[]> { ["status"] = [suggestion.Status] });
        }

        return suggestion;
    }

    private async Task ApplyToStrategyAsync(Guid userId, ConfigSuggestionRow suggestion, CancellationToken cancellationToken)
    {
        var strategyId = new StrategyId(suggestion.StrategyId ?? throw Stale("The suggestion names no strategy."));
        var strategy = await db.Set<Strategy>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == strategyId && s.OwnerId == userId, cancellationToken)
            ?? throw Stale("The strategy no longer exists.");
        var risk = strategy.RiskManagement;
        var current = suggestion.Setting switch
        {
            ConfigSettings.StopLoss => Number(risk.StopLoss),
            ConfigSettings.TakeProfit => Number(risk.TakeProfit),
            ConfigSettings.MaxRiskPerTrade => Number(risk.MaxRiskPerTrade),
            ConfigSettings.MaxDailyLoss => Number(risk.MaxDailyLoss),
            ConfigSettings.Interval => strategy.Interval.Code,
            ConfigSettings.Status => strategy.Status.ToString().ToLowerInvariant(),
            _ => throw Stale($"This platform cannot apply the setting '{suggestion.Setting}'."),
        };
        EnsureCurrent(suggestion, current);
        var request = suggestion.Setting switch
        {
            ConfigSettings.StopLoss => new UpdateStrategyRequest { RiskManagement = new RiskManagementRequest { StopLoss = Decimal(suggestion) } },
            ConfigSettings.TakeProfit => new UpdateStrategyRequest { RiskManagement = new RiskManagementRequest { TakeProfit = Decimal(suggestion) } },
            ConfigSettings.MaxRiskPerTrade => new UpdateStrategyRequest { RiskManagement = new RiskManagementRequest { MaxRiskPerTrade = Decimal(suggestion) } },
            ConfigSettings.MaxDailyLoss => new UpdateStrategyRequest { RiskManagement = new RiskManagementRequest { MaxDailyLoss = Decimal(suggestion) } },
            ConfigSettings.Interval => new UpdateStrategyRequest { Interval = suggestion.ProposedValue },
            _ => new UpdateStrategyRequest { Status = suggestion.ProposedValue },
        };
        Validate(request);
        // The normal path: the same checks (transitions, algorithm parameters, own account) as PUT /api/strategies/{id}.
        await strategies.UpdateAsync(userId, strategyId, request, cancellationToken);
    }

    private async Task ApplyToAccountAsync(Guid userId, ConfigSuggestionRow suggestion, CancellationToken cancellationToken)
    {
        var accountId = AccountId.From(suggestion.AccountId ?? throw Stale("The suggestion names no account."));
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId && a.OwnerId == userId && a.DeletedAt == null, cancellationToken)
            ?? throw Stale("The account no longer exists.");
        if (suggestion.Setting == ConfigSettings.Leverage)
        {
            EnsureCurrent(suggestion, account.MaxLeverage.ToString(CultureInfo.InvariantCulture));
            // The bounds of the account's creation request (maxLeverage 1..100).
            if (!int.TryParse(suggestion.ProposedValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var leverage) || leverage is < 1 or > 100)
            {
                throw Invalid("leverage", "maxLeverage is between 1 and 100.");
            }

            account.MaxLeverage = leverage;
        }
        else
        {
            EnsureCurrent(suggestion, account.MaxDailyLoss is { } limit ? Number(limit) : "none");
            var proposed = Decimal(suggestion);
            if (proposed is < 0.01m or > 1_000_000_000m)
            {
                throw Invalid("maxDailyLoss", "maxDailyLoss is between 0.01 and 1000000000.");
            }

            account.MaxDailyLoss = proposed;
        }

        account.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AuditAsync(string @event, Guid userId, ConfigSuggestionRow suggestion, CancellationToken cancellationToken)
    {
        var user = await identity.Users.SingleOrDefaultAsync(u => u.Id == new UserId(userId), cancellationToken);
        audit.Add(@event, user, new
        {
            suggestionId = suggestion.Id, suggestion.Setting, suggestion.StrategyId, suggestion.AccountId,
            from = suggestion.CurrentValue, to = suggestion.ProposedValue, suggestion.Source,
        });
        await identity.SaveChangesAsync(cancellationToken);
    }

    /// <summary>409 when the setting changed since the analysis: the suggestion was computed from another value.</summary>
    private static void EnsureCurrent(ConfigSuggestionRow suggestion, string actual)
    {
        var same = decimal.TryParse(suggestion.CurrentValue, NumberStyles.Number, CultureInfo.InvariantCulture, out var expected)
            && decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? expected == value
                : string.Equals(suggestion.CurrentValue, actual, StringComparison.OrdinalIgnoreCase);
        if (!same)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                $"The {suggestion.Setting} is now {actual}, not the {suggestion.CurrentValue} the suggestion was made for; run the analysis again.",
                new Dictionary<string, string[]> { ["currentValue"] = [actual] });
        }
    }

    /// <summary>
    /// The request is built here, not read from a body, so the framework's validation does not see it (its direct API
    /// is experimental in .NET 10, ASP0029); DataAnnotations checks it and the one nested object these requests carry.
    /// </summary>
    private static void Validate(UpdateStrategyRequest request)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        var errors = results.SelectMany(r => r.MemberNames.DefaultIfEmpty("value").Select(m => KeyValuePair.Create(m, new[] { r.ErrorMessage ?? "is invalid" })));
        if (request.RiskManagement is { } risk)
        {
            results.Clear();
            Validator.TryValidateObject(risk, new ValidationContext(risk), results, validateAllProperties: true);
            errors = errors.Concat(results.SelectMany(r => r.MemberNames.Select(m =>
                KeyValuePair.Create($"{nameof(request.RiskManagement)}.{m}", new[] { r.ErrorMessage ?? "is invalid" }))));
        }

        if (FieldErrors.FromValidation(errors) is { Count: > 0 } fields)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, "The proposed value is not valid for the strategy.", fields);
        }
    }

    private static decimal Decimal(ConfigSuggestionRow suggestion) =>
        decimal.TryParse(suggestion.ProposedValue, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(suggestion.Setting, $"'{suggestion.ProposedValue}' is not a number.");

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static ApiException Stale(string message) => new(StatusCodes.Status409Conflict, ErrorCodes.Conflict, message);

    private static ApiException Invalid(string field, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message, new Dictionary<string, string[]> { [field] = [message] });
}

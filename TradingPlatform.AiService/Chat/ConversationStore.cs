using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TradingPlatform.ServiceDefaults.Redis;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// The chat's conversations in Redis, per user: the list <c>chat:conversation:{user}:{id}</c> of messages (the last
/// <c>Chat:MaxStoredMessages</c>) and the set <c>chat:conversations:{user}</c> of the user's ids, both in this deployment's
/// <see cref="RedisNamespace"/> and both expiring <c>Chat:ConversationTtlMinutes</c> after the last message. A
/// conversation is found only under its owner's key, so another user's id is as unknown as one that never existed.
/// </summary>
internal sealed class ConversationStore(IConnectionMultiplexer redis, RedisNamespace keys, IOptionsMonitor<ChatOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public RedisKey ConversationKey(string userId, Guid id) => keys.Key($"chat:conversation:{userId}:{id:N}");

    public RedisKey IndexKey(string userId) => keys.Key($"chat:conversations:{userId}");

    /// <summary>The conversation's messages, oldest first; null when the user has no such conversation.</summary>
    public async Task<IReadOnlyList<ChatTurn>?> ReadAsync(string userId, Guid id)
    {
        var values = await redis.GetDatabase().ListRangeAsync(ConversationKey(userId, id));
        return values.Length == 0 ? null : [.. values.Select(v => JsonSerializer.Deserialize<ChatTurn>(v.ToString(), Json)!)];
    }

    /// <summary>Adds the question and its answer, keeps the last messages and restarts both keys' time to live.</summary>
    public async Task AppendAsync(string userId, Guid id, ChatTurn question, ChatTurn answer)
    {
        var current = options.CurrentValue;
        var ttl = TimeSpan.FromMinutes(current.ConversationTtlMinutes);
        var key = ConversationKey(userId, id);
        var index = IndexKey(userId);
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.ListRightPushAsync(key, [JsonSerializer.Serialize(question, Json), JsonSerializer.Serialize(answer, Json)]);
        _ = transaction.ListTrimAsync(key, -current.MaxStoredMessages, -1);
        _ = transaction.KeyExpireAsync(key, ttl);
        _ = transaction.SetAddAsync(index, id.ToString("N"));
        _ = transaction.KeyExpireAsync(index, ttl);
        await transaction.ExecuteAsync();
    }

    /// <summary>Removes one conversation; false when the user has none of that id.</summary>
    public async Task<bool> ClearAsync(string userId, Guid id)
    {
        var database = redis.GetDatabase();
        var removed = await database.KeyDeleteAsync(ConversationKey(userId, id));
        await database.SetRemoveAsync(IndexKey(userId), id.ToString("N"));
        return removed;
    }

    /// <summary>Removes every conversation of the user; how many there were.</summary>
    public async Task<int> ClearAllAsync(string userId)
    {
        var database = redis.GetDatabase();
        var ids = await database.SetMembersAsync(IndexKey(userId));
        var conversations = ids.Select(v => Guid.TryParseExact(v.ToString(), "N", out var id) ? (Guid?)id : null).OfType<Guid>()
            .Select(id => ConversationKey(userId, id)).ToArray();
        var removed = conversations.Length == 0 ? 0 : await database.KeyDeleteAsync(conversations);
        await database.KeyDeleteAsync(IndexKey(userId));
        return (int)removed;
    }
}

using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace TradingPlatform.ServiceDefaults.Redis;

/// <summary>
/// Names this deployment's Redis keys and channels: every name goes through here so that
/// <see cref="RedisNamespaceOptions.KeyPrefix"/> covers all of them. (StackExchange.Redis's <c>WithKeyPrefix</c> would
/// cover keys but not pub/sub channels, which the fan-out's Lua scripts publish to by name: one explicit rule for both.)
/// </summary>
public sealed class RedisNamespace(IOptions<RedisNamespaceOptions> options)
{
    public string Prefix => options.Value.KeyPrefix;

    /// <summary>The prefixed name, for names that are combined further (a feature's own prefix).</summary>
    public string Name(string name) => Prefix + name;

    public RedisKey Key(string name) => Name(name);
}

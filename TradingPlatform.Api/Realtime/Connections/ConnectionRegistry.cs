using System.Collections.Concurrent;

namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>This replica's open connections; a connection is here from accept until its socket is gone.</summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<Guid, RealtimeConnection> _connections = new();

    public int Count => _connections.Count;

    /// <summary>
    /// A live enumeration (no snapshot copy: the fan-out walks it for every message, with thousands of sockets);
    /// connections added or removed meanwhile may or may not be seen.
    /// </summary>
    public IEnumerable<RealtimeConnection> All => _connections.Select(entry => entry.Value);

    public void Add(RealtimeConnection connection) => _connections[connection.Id] = connection;

    public void Remove(RealtimeConnection connection) => _connections.TryRemove(connection.Id, out _);
}

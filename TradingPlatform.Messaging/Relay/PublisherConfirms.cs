using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace TradingPlatform.Messaging.Relay;

/// <summary>
/// Pipelined publisher confirms on one channel (confirmations enabled, the client's own per-publish tracking off):
/// <see cref="PublishAsync"/> returns once the message is written, with a task that completes when the broker confirms
/// it (or fails on a nack or when the channel shuts down). The relay publishes a batch in order, then awaits the
/// confirms together: one round trip of broker persistence per batch instead of one per message.
/// </summary>
internal sealed class PublisherConfirms : IDisposable
{
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource> _pending = new();

    public PublisherConfirms(IChannel channel)
    {
        _channel = channel;
        channel.BasicAcksAsync += OnAckAsync;
        channel.BasicNacksAsync += OnNackAsync;
        channel.ChannelShutdownAsync += OnShutdownAsync;
    }

    /// <summary>Messages written and not yet confirmed.</summary>
    public int Pending => _pending.Count;

    /// <summary>Writes the message; the answer completes when the broker confirmed it.</summary>
    public async Task<Task> PublishAsync(string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        // Only this object's caller publishes on the channel, one message at a time, so the number read here is the
        // one the broker will confirm.
        var sequence = await _channel.GetNextPublishSequenceNumberAsync(cancellationToken);
        var confirmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(sequence, confirmed))
        {
            throw new InvalidOperationException($"Publish sequence number {sequence} is already awaiting its confirm.");
        }

        try
        {
            // Not mandatory: an event nobody subscribed to is dropped by the topic exchange, as intended.
            await _channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body, cancellationToken);
        }
        catch
        {
            _pending.TryRemove(sequence, out _);
            throw;
        }

        return confirmed.Task;
    }

    public void Dispose()
    {
        _channel.BasicAcksAsync -= OnAckAsync;
        _channel.BasicNacksAsync -= OnNackAsync;
        _channel.ChannelShutdownAsync -= OnShutdownAsync;
        FailAll(new ObjectDisposedException(nameof(PublisherConfirms), "The relay's channel was closed before the broker confirmed the message."));
    }

    private Task OnAckAsync(object sender, BasicAckEventArgs args)
    {
        Settle(args.DeliveryTag, args.Multiple, null);
        return Task.CompletedTask;
    }

    private Task OnNackAsync(object sender, BasicNackEventArgs args)
    {
        Settle(args.DeliveryTag, args.Multiple, tag => new InvalidOperationException($"The broker refused message {tag} (nack)."));
        return Task.CompletedTask;
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs args)
    {
        FailAll(new InvalidOperationException($"The relay's channel shut down before the broker confirmed the message: {args.ReplyText}"));
        return Task.CompletedTask;
    }

    private void Settle(ulong tag, bool multiple, Func<ulong, Exception>? error)
    {
        if (!multiple)
        {
            if (_pending.TryRemove(tag, out var one))
            {
                Complete(one, error?.Invoke(tag));
            }

            return;
        }

        foreach (var sequence in _pending.Keys)
        {
            if (sequence <= tag && _pending.TryRemove(sequence, out var each))
            {
                Complete(each, error?.Invoke(sequence));
            }
        }
    }

    private void FailAll(Exception exception)
    {
        foreach (var sequence in _pending.Keys)
        {
            if (_pending.TryRemove(sequence, out var each))
            {
                each.TrySetException(exception);
            }
        }
    }

    private static void Complete(TaskCompletionSource confirmed, Exception? error)
    {
        if (error is null)
        {
            confirmed.TrySetResult();
        }
        else
        {
            confirmed.TrySetException(error);
        }
    }
}

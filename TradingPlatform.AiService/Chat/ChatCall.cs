using System.Diagnostics;
using Microsoft.SemanticKernel;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// One metered use of the model (a chat answer, a configuration review), kept in the per-request kernel's
/// <see cref="Kernel.Data"/> so that <see cref="ChatMeteringFilter"/> knows what to record each model call as (feature,
/// model, user) and can time each call: from the start of the answer, or from the end of the tools the previous call
/// asked for, to its usage. The usage of all its calls adds up in <see cref="Usage"/>.
/// </summary>
internal sealed class ChatCall(string feature, string model, string modelVersion, string? userId)
{
    /// <summary>The name of the kernel functions whose every model call is metered.</summary>
    public const string FunctionName = "answer";

    private const string DataKey = "tradingplatform.chat-call";

    private readonly Lock _lock = new();
    private long _since = Stopwatch.GetTimestamp();
    private ChatUsage _usage = ChatUsage.None;

    public string Feature { get; } = feature;

    public string Model { get; } = model;

    public string ModelVersion { get; } = modelVersion;

    public string? UserId { get; } = userId;

    /// <summary>The model calls metered so far.</summary>
    public int Calls { get; private set; }

    public ChatUsage Usage
    {
        get
        {
            lock (_lock)
            {
                return _usage;
            }
        }
    }

    public static ChatCall? Of(Kernel kernel) => kernel.Data.TryGetValue(DataKey, out var call) ? call as ChatCall : null;

    public void AttachTo(Kernel kernel) => kernel.Data[DataKey] = this;

    /// <summary>A model call ended with <paramref name="usage"/>: its latency, since the last boundary.</summary>
    public TimeSpan Ended(ChatUsage usage)
    {
        lock (_lock)
        {
            var latency = Stopwatch.GetElapsedTime(_since);
            _since = Stopwatch.GetTimestamp();
            _usage = _usage.Add(usage);
            Calls++;
            return latency;
        }
    }

    /// <summary>The tools of the last call ran: the next model call starts now.</summary>
    public void Restart()
    {
        lock (_lock)
        {
            _since = Stopwatch.GetTimestamp();
        }
    }
}

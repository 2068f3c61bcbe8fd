using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// Takes every forecast the AiService serves and queues it as a <see cref="Prediction"/> for <see cref="PredictionWriter"/>.
/// A bounded channel, not an awaited insert: one forecast's p99 target is 2 ms inside the AiService and an insert is a
/// database round trip (and a batch of 256 series would be 256 rows); the writer stores them in batches off the
/// request path. Recording never fails or blocks a request: when the queue is full the prediction is dropped and
/// logged (it is only lost from the history and the live scores, the caller already has the forecast); so is what is
/// still queued if the process dies before the writer drains it.
/// </summary>
public sealed partial class PredictionRecorder
{
    private readonly Channel<Prediction> _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<PredictionRecorder> _logger;

    public PredictionRecorder(IOptions<PredictionOptions> options, TimeProvider time, ILogger<PredictionRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = Channel.CreateBounded<Prediction>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = false, FullMode = BoundedChannelFullMode.Wait,
        });
        _time = time;
        _logger = logger;
    }

    internal ChannelReader<Prediction> Reader => _queue.Reader;

    /// <summary>Queues a served forecast (and, for <c>/api/predict-trend</c>, its trend) as the caller's prediction; a caller without a <c>sub</c> is not recorded.</summary>
    public void Record(ClaimsPrincipal user, ForecastResponse forecast, TrendPrediction? trend = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(forecast);
        if (user.FindFirstValue(AccessTokenValidation.SubjectClaim) is not { Length: > 0 } userId)
        {
            return;
        }

        var issuedAt = _time.GetUtcNow();
        var horizon = forecast.Forecast.Count;
        var prediction = new Prediction
        {
            Id = PredictionId.New(issuedAt), UserId = userId, Kind = trend is null ? PredictionKind.Forecast : PredictionKind.Trend,
            Symbol = forecast.Symbol, Interval = forecast.Interval, ModelId = forecast.Meta.ModelId, ModelName = forecast.Meta.Model,
            ModelVersion = forecast.Meta.Version, IssuedAt = issuedAt, AnchorTime = forecast.LastTime, AnchorPrice = forecast.LastPrice,
            Horizon = horizon, IntervalLevel = forecast.Meta.IntervalLevel, Points = JsonSerializer.Serialize(forecast.Forecast, AiJson.Options),
            Direction = trend?.Direction, Probability = trend?.Probability,
            DueAt = (forecast.LastTime ?? issuedAt) + (CandleSteps.Of(forecast.Interval) * (horizon + 1)), Status = PredictionStatus.Pending,
        };
        if (!_queue.Writer.TryWrite(prediction))
        {
            LogDropped(_logger, prediction.Symbol, prediction.Interval, prediction.ModelName, prediction.ModelVersion, userId);
        }
    }

    /// <summary>No more predictions: the writer stores what is queued and ends.</summary>
    internal void Complete() => _queue.Writer.TryComplete();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The prediction queue is full: a {Symbol} {Interval} forecast of {Model} v{Version} for user {UserId} was served but not recorded.")]
    private static partial void LogDropped(ILogger logger, string symbol, string interval, string model, int version, string userId);
}

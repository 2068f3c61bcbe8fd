using TradingPlatform.AiService.Data;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TradingPlatform.AiService.Training;
using TradingPlatform.Forecasting.Onnx;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// An active model loaded for serving: its ONNX Runtime session on the chosen provider and the calibrated interval
/// half-widths. Sessions are safe for concurrent runs. When a newer model replaces it, it is disposed only after a
/// grace period (<see cref="ActiveModels"/>), so a request that took it just before the swap still completes.
/// </summary>
internal sealed class ServingModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly double[] _halfWidths;

    public ServingModel(ForecastModel model, InferenceSession session)
    {
        Model = model;
        _session = session;
        _halfWidths = JsonSerializer.Deserialize<double[]>(model.IntervalHalfWidths, AiJson.Options) ?? [];
        if (_halfWidths.Length != model.Horizon)
        {
            throw new InvalidOperationException($"Model {model.Name} v{model.Version} has {_halfWidths.Length} interval widths for a horizon of {model.Horizon}.");
        }
    }

    public ForecastModel Model { get; }

    /// <summary>The calibrated relative half-widths per step (the Monte Carlo paths' volatility comes from them).</summary>
    public IReadOnlyList<double> HalfWidths => _halfWidths;

    /// <summary>Forecasts a batch of histories of exactly <see cref="ForecastModel.Lookback"/> prices each (row-major), all finite and positive.</summary>
    public float[] Run(float[] histories, int batch)
    {
        var input = new DenseTensor<float>(histories, [batch, Model.Lookback]);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(NBeatsOnnxExporter.InputName, input)]);
        var forecast = results.Single().AsEnumerable<float>().ToArray();
        Costs.AiWork.DeviceSince(started);
        return forecast;
    }

    /// <summary>The calibrated interval around one step's forecast: ± the step's half-width relative to the last price.</summary>
    public (double Lower, double Upper) Interval(int step, double lastPrice, double forecast) =>
        (forecast - (_halfWidths[step] * lastPrice), forecast + (_halfWidths[step] * lastPrice));

    public void Dispose() => _session.Dispose();
}

namespace TradingPlatform.Forecasting.Onnx;

/// <summary>
/// What the caller knows about a model and the network does not: its name and version in the service's model store
/// and a description. <see cref="NBeatsOnnxExporter"/> writes them into the ONNX model (graph name, model version,
/// doc string and <see cref="NBeatsOnnxMetadataKeys"/> entries), so that a loaded model says what it is without a
/// side file.
/// </summary>
public sealed record NBeatsOnnxMetadata
{
    /// <summary>The model's name (the graph name and <see cref="NBeatsOnnxMetadataKeys.ModelName"/>); null leaves both at the default.</summary>
    public string? Name { get; init; }

    /// <summary>The model's version (ONNX's <c>model_version</c> and <see cref="NBeatsOnnxMetadataKeys.ModelVersion"/>).</summary>
    public long? Version { get; init; }

    /// <summary>Free text for the model's <c>doc_string</c>, such as what it was trained on.</summary>
    public string? Description { get; init; }
}

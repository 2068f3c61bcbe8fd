using Grpc.Core;
using Grpc.Core.Interceptors;
using TradingPlatform.Hosting.Dashboard;

namespace TradingPlatform.Hosting.Telemetry.Receiver;

/// <summary>Rejects OTLP/gRPC calls without the configured API key with <see cref="StatusCode.Unauthenticated"/>.</summary>
internal sealed class OtlpApiKeyInterceptor(OtlpApiKeyValidator validator) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (!validator.IsAuthorized(context.RequestHeaders.GetValue(DashboardSettings.OtlpApiKeyHeader)))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"Missing or wrong {DashboardSettings.OtlpApiKeyHeader} header."));
        }

        return continuation(request, context);
    }
}

using System.Net.Http.Json;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.Api.Monitoring;

/// <summary>Reads a sibling service's health, identity and request metrics through service discovery (<c>http://ai</c>).</summary>
public sealed class SiblingServiceClient(HttpClient httpClient)
{
    public async Task<(bool Healthy, string Body)> GetHealthAsync(string service, CancellationToken cancellationToken)
    {
        using var response = await httpClient.GetAsync(new Uri($"http://{service}/health"), cancellationToken);
        return (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public Task<ServiceInfo?> GetInfoAsync(string service, CancellationToken cancellationToken) =>
        httpClient.GetFromJsonAsync<ServiceInfo>(new Uri($"http://{service}{SystemEndpoints.Prefix}/info"), cancellationToken);

    public Task<RequestMetricsSnapshot?> GetMetricsAsync(string service, CancellationToken cancellationToken) =>
        httpClient.GetFromJsonAsync<RequestMetricsSnapshot>(new Uri($"http://{service}{SystemEndpoints.Prefix}/metrics"), cancellationToken);

    public async Task<IReadOnlyList<GpuInfo>> GetGpusAsync(CancellationToken cancellationToken) =>
        await httpClient.GetFromJsonAsync<List<GpuInfo>>(new Uri("http://ai/api/system/gpus"), cancellationToken) ?? [];

    public Task<InferenceInfo?> GetInferenceAsync(CancellationToken cancellationToken) =>
        httpClient.GetFromJsonAsync<InferenceInfo>(new Uri("http://ai/api/system/inference"), cancellationToken);
}

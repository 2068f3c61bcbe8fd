using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

namespace TradingPlatform.AppHost;

/// <summary>
/// The optional model parameters (<c>llm-endpoint</c>, <c>llm-chat-model</c>, <c>llm-embedding-model</c> and the secret
/// <c>llm-api-key</c>): <c>Parameters:{name}</c> from configuration when set, empty otherwise, so that the platform
/// starts with its offline defaults and no prompt for a value nobody needs. The empty default is also what the
/// manifest publishes, so a deployment without a model asks for nothing either.
/// </summary>
public static class LlmParameters
{
    public static IResourceBuilder<ParameterResource> AddOptionalParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddParameter(name, new EmptyDefault(), secret);

    /// <summary>Passes the model parameters to a service as its <c>Llm</c> section.</summary>
    public static IResourceBuilder<T> WithLlm<T>(this IResourceBuilder<T> service, Llm llm)
        where T : IResourceWithEnvironment =>
        service.WithEnvironment("Llm__Endpoint", llm.Endpoint)
            .WithEnvironment("Llm__ChatModel", llm.ChatModel)
            .WithEnvironment("Llm__EmbeddingModel", llm.EmbeddingModel)
            .WithEnvironment("Llm__ApiKey", llm.ApiKey);

    /// <summary>The four parameters.</summary>
    public sealed record Llm(
        IResourceBuilder<ParameterResource> Endpoint,
        IResourceBuilder<ParameterResource> ChatModel,
        IResourceBuilder<ParameterResource> EmbeddingModel,
        IResourceBuilder<ParameterResource> ApiKey);

    private sealed class EmptyDefault : ParameterDefault
    {
        public override string GetDefaultValue() => "";

        public override void WriteToManifest(ManifestPublishingContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            context.Writer.WriteString("value", "");
        }
    }
}

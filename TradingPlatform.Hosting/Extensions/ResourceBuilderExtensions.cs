using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>
    /// Injects <paramref name="source"/> into the resource the way Aspire does: <c>ConnectionStrings__{name}</c> for a
    /// resource with a connection string, <c>services__{name}__http__0</c> for a resource with endpoints.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> source)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        if (source.Resource is not (IResourceWithConnectionString or IResourceWithServiceDiscovery))
        {
            throw new InvalidOperationException(
                $"'{source.Resource.Name}' has neither a connection string nor endpoints, so '{builder.Resource.Name}' cannot reference it.");
        }

        if (!builder.Resource.References.Contains(source.Resource))
        {
            builder.Resource.References.Add(source.Resource);
        }

        return builder;
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new InvalidOperationException($"'{builder.Resource.Name}' cannot wait for itself.");
        }

        if (!builder.Resource.WaitsFor.Contains(dependency.Resource))
        {
            builder.Resource.WaitsFor.Add(dependency.Resource);
        }

        return builder;
    }

    /// <summary>Sets an environment variable to a fixed value.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.Environment[name] = _ => ValueTask.FromResult<string?>(value);
        builder.Resource.ManifestEnvironment[name] = value;
        return builder;
    }

    /// <summary>Sets an environment variable to a parameter's value (secrets never appear in the model's source).</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(parameter);
        builder.Resource.Environment[name] = _ => ValueTask.FromResult<string?>(parameter.Resource.Value);
        builder.Resource.ManifestEnvironment[name] = $"{{{parameter.Resource.Name}.value}}";
        return builder;
    }
}

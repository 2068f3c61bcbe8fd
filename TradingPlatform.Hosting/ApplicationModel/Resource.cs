namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>Base of every resource: its name and what the builder extensions attach to it.</summary>
public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ResourceNameValidator.ThrowIfInvalid(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public IList<IResource> WaitsFor { get; } = [];

    /// <summary>Resources whose connection string or endpoints are injected into this one.</summary>
    public IList<IResource> References { get; } = [];

    /// <summary>Extra environment variables, resolved when the resource starts.</summary>
    public IDictionary<string, Func<CancellationToken, ValueTask<string?>>> Environment { get; } =
        new Dictionary<string, Func<CancellationToken, ValueTask<string?>>>(StringComparer.Ordinal);

    /// <summary>
    /// The same variables as the deployment manifest writes them: a literal, or an expression such as
    /// <c>{jwt-signing-key.value}</c> that the deployment tool resolves, so a secret's value never appears in it.
    /// </summary>
    public IDictionary<string, string> ManifestEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public override string ToString() => Name;
}

using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting;

/// <summary>The finished resource graph that the orchestrator runs.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public IResource Find(string name) =>
        Resources.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"There is no resource named '{name}'.", nameof(name));
}

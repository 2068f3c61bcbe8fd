using System.Collections.Concurrent;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>The orchestrator's controllers by resource name, for the command service; empty until the AppHost starts.</summary>
internal sealed class ResourceControllerRegistry
{
    private readonly ConcurrentDictionary<string, ResourceController> _controllers = new(StringComparer.Ordinal);
    private volatile bool _stopping;

    /// <summary>True once the AppHost has begun to stop: commands are refused from then on.</summary>
    public bool IsStopping => _stopping;

    public void Register(IEnumerable<ResourceController> controllers)
    {
        foreach (var controller in controllers)
        {
            _controllers[controller.Resource.Name] = controller;
        }
    }

    public void MarkStopping() => _stopping = true;

    public ResourceController? Find(string name) => _controllers.GetValueOrDefault(name);
}

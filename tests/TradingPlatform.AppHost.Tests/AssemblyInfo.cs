// Each collection here runs one or more whole stacks (servers, services, the dashboard) and some assert timings (a
// stack stops within 15 s) or instantaneous health; side by side on a small machine they starve each other's probes.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

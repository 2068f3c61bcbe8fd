// Every test starts a whole stack (three servers, three services, DCP and the dashboard) on a 2-core machine: one at a
// time, or they starve each other and the shutdown timings they assert mean nothing.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

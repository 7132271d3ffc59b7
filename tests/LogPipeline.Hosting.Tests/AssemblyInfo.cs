// The Aspire app (DCP, java, the embedded broker) loads both cores while it starts; the broker down/up timings of
// the other classes are measured better alone.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

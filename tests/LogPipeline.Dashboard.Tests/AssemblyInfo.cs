// Each class starts the whole app host; two at once on a two-core machine only slow both down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

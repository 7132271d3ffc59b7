namespace LogPipeline.Storage.Counters;

public enum CounterGranularity
{
    Minute,
    Hour,
}

namespace LogPipeline.Storage.Schema;

public enum IndexProjection
{
    All,
    KeysOnly,
}

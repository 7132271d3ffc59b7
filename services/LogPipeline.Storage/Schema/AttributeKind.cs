namespace LogPipeline.Storage.Schema;

/// <summary>DynamoDB scalar types a key attribute can have.</summary>
public enum AttributeKind
{
    String,
    Number,
    Binary,
}

namespace LogPipeline.Storage.Schema;

/// <summary>
/// A table as plain data, free of SDK types, so the provisioner (CreateTableRequest) and the CDK stack
/// (CfnTable) are generated from the same definition.
/// </summary>
public sealed record TableSchema(
    string Name,
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    IReadOnlyList<IndexSchema> GlobalSecondaryIndexes,
    string? TimeToLiveAttribute,
    bool OnDemandBilling = true)
{
    /// <summary>Every attribute used as a key of the table or an index, each once.</summary>
    public IReadOnlyList<KeyAttribute> KeyAttributes
    {
        get
        {
            var attributes = new List<KeyAttribute>();
            Add(PartitionKey);
            Add(SortKey);
            foreach (var index in GlobalSecondaryIndexes)
            {
                Add(index.PartitionKey);
                Add(index.SortKey);
            }

            return attributes;

            void Add(KeyAttribute? attribute)
            {
                if (attribute is not null && !attributes.Exists(a => a.Name == attribute.Name))
                {
                    attributes.Add(attribute);
                }
            }
        }
    }
}

using Amazon.DynamoDBv2.Model;

namespace LogPipeline.Storage.Queries;

sealed record ShardReadResult(List<Dictionary<string, AttributeValue>> Items, ShardPosition[] Positions, bool Done);

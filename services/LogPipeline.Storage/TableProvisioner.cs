using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LogPipeline.Storage.Schema;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Storage;

/// <summary>
/// Creates LogPipeline's tables from <see cref="StorageSchema"/> if they are missing, waits until they (and their
/// indexes) are ACTIVE and turns TTL on. Idempotent: an existing table is left as it is, apart from enabling TTL.
/// Run by the AppHost against DynamoDB Local and by the Writer when <c>Pipeline:Storage:EnsureTables</c> is true;
/// in AWS the CDK stack declares the same schema.
/// </summary>
public static partial class TableProvisioner
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task EnsureTablesAsync(IAmazonDynamoDB client, StorageOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var table in StorageSchema.All(options))
        {
            await EnsureTableAsync(client, table, logger, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task EnsureTableAsync(IAmazonDynamoDB client, TableSchema table, ILogger logger, CancellationToken cancellationToken)
    {
        var existing = await DescribeAsync(client, table.Name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                await client.CreateTableAsync(table.ToCreateTableRequest(), cancellationToken).ConfigureAwait(false);
                LogCreating(logger, table.Name);
            }
            catch (ResourceInUseException)
            {
                // Another process created it between our describe and create: same definition, nothing to do.
            }
        }
        else
        {
            WarnAboutMissingIndexes(existing, table, logger);
        }

        await WaitUntilActiveAsync(client, table.Name, cancellationToken).ConfigureAwait(false);
        await EnableTimeToLiveAsync(client, table, logger, cancellationToken).ConfigureAwait(false);
        LogReady(logger, table.Name);
    }

    static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB client, string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DescribeTableAsync(new DescribeTableRequest { TableName = name }, cancellationToken).ConfigureAwait(false);
            return response.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    static async Task WaitUntilActiveAsync(IAmazonDynamoDB client, string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            var table = await DescribeAsync(client, name, cancellationToken).ConfigureAwait(false);
            if (table is not null && table.TableStatus == TableStatus.ACTIVE && AllIndexesActive(table))
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    static bool AllIndexesActive(TableDescription table)
    {
        if (table.GlobalSecondaryIndexes is null)
        {
            return true;
        }

        foreach (var index in table.GlobalSecondaryIndexes)
        {
            if (index.IndexStatus != IndexStatus.ACTIVE)
            {
                return false;
            }
        }

        return true;
    }

    static async Task EnableTimeToLiveAsync(IAmazonDynamoDB client, TableSchema table, ILogger logger, CancellationToken cancellationToken)
    {
        if (table.ToUpdateTimeToLiveRequest() is not { } request)
        {
            return;
        }

        var current = await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table.Name }, cancellationToken).ConfigureAwait(false);
        var status = current.TimeToLiveDescription?.TimeToLiveStatus;
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING)
        {
            return;
        }

        await client.UpdateTimeToLiveAsync(request, cancellationToken).ConfigureAwait(false);
        LogTimeToLive(logger, table.Name, table.TimeToLiveAttribute!);
    }

    static void WarnAboutMissingIndexes(TableDescription existing, TableSchema table, ILogger logger)
    {
        foreach (var index in table.GlobalSecondaryIndexes)
        {
            if (existing.GlobalSecondaryIndexes?.Exists(i => i.IndexName == index.Name) != true)
            {
                LogMissingIndex(logger, table.Name, index.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating DynamoDB table {Table}")]
    static partial void LogCreating(ILogger logger, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB table {Table} is active")]
    static partial void LogReady(ILogger logger, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enabled TTL on {Table}.{Attribute}")]
    static partial void LogTimeToLive(ILogger logger, string table, string attribute);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Existing table {Table} has no index {Index}: it was created from another definition; queries that need the index will fail")]
    static partial void LogMissingIndex(ILogger logger, string table, string index);
}

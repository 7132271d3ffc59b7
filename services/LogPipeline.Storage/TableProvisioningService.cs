using Amazon.DynamoDBv2;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LogPipeline.Storage;

/// <summary>
/// Ensures the tables exist before the other hosted services start, when <c>Pipeline:Storage:EnsureTables</c> is
/// true. Registered ahead of the consumer, so no batch is processed before its table is ACTIVE.
/// </summary>
sealed class TableProvisioningService(IAmazonDynamoDB client, IOptions<StorageOptions> options, ILogger<TableProvisioningService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.EnsureTables
            ? TableProvisioner.EnsureTablesAsync(client, options.Value, logger, cancellationToken)
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Amazon.DynamoDBv2;
using LogPipeline.Storage;
using LogPipeline.Storage.Queries;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers LogPipeline's DynamoDB storage from <c>Pipeline:Storage</c> and the standard AWS settings.</summary>
public static class StorageHostingExtensions
{
    /// <summary>
    /// <see cref="StorageOptions"/> and a singleton <see cref="IAmazonDynamoDB"/> with the SDK's defaults: the SDK
    /// reads <c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL_DYNAMODB</c> (DynamoDB Local) and the default credential chain,
    /// so nothing here differs between local runs and AWS.
    /// </summary>
    public static IHostApplicationBuilder AddLogStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.LogTable) && !string.IsNullOrWhiteSpace(o.CounterTable), "Pipeline:Storage:LogTable and CounterTable must be set.")
            .Validate(o => o.WriteShards is >= 1 and <= 100, "Pipeline:Storage:WriteShards must be between 1 and 100.")
            .Validate(o => o.TimeBucket >= TimeSpan.FromMinutes(1) && o.TimeBucket.Ticks % TimeSpan.TicksPerMinute == 0, "Pipeline:Storage:TimeBucket must be a whole number of minutes.")
            .Validate(o => o.RetentionDays >= 1, "Pipeline:Storage:RetentionDays must be at least 1.")
            .Validate(o => o.MaxBatchesInFlight >= 1 && o.MaxWriteAttempts >= 1, "Pipeline:Storage:MaxBatchesInFlight and MaxWriteAttempts must be at least 1.")
            .Validate(o => o.MaxRoutesPerBucket is >= 1 and <= StorageOptions.MaxRoutesPerBucketLimit, $"Pipeline:Storage:MaxRoutesPerBucket must be between 1 and {StorageOptions.MaxRoutesPerBucketLimit}.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        builder.Services.TryAddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
        return builder;
    }

    /// <summary>The writer side: <see cref="LogBatchWriter"/>, its metrics, and table provisioning at start-up when enabled.</summary>
    public static IHostApplicationBuilder AddLogBatchWriter(this IHostApplicationBuilder builder)
    {
        builder.AddLogStorage();
        builder.Services.AddHostedService<TableProvisioningService>();
        builder.Services.TryAddSingleton<WriterMetrics>();
        builder.Services.TryAddSingleton<LogBatchWriter>();
        return builder;
    }

    /// <summary>The read side: <see cref="LogQueries"/> and <see cref="CounterQueries"/>.</summary>
    public static IHostApplicationBuilder AddLogQueries(this IHostApplicationBuilder builder)
    {
        builder.AddLogStorage();
        builder.Services.TryAddSingleton<LogQueries>();
        builder.Services.TryAddSingleton<CounterQueries>();
        return builder;
    }
}

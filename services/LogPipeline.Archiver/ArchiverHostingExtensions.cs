using Amazon.S3;
using LogPipeline.Archive;
using LogPipeline.Archiver;
using LogPipeline.Contracts;

namespace Microsoft.Extensions.Hosting;

public static class ArchiverHostingExtensions
{
    /// <summary>
    /// The archiver: consumer group <c>Pipeline:Archiver:ConsumerGroup</c> on <c>Pipeline:Topics:Scored</c>, the bucket
    /// named by <c>ConnectionStrings:archive</c> through the AWS SDK's S3 client (<c>AWS_ENDPOINT_URL_S3</c>,
    /// <c>AWS_S3_FORCE_PATH_STYLE</c>), a producer for dead letters, and the worker with its health check.
    /// </summary>
    public static IHostApplicationBuilder AddArchiver(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TopicOptions>().BindConfiguration(TopicOptions.SectionName);
        builder.Services.AddOptions<RecordValidationOptions>().BindConfiguration(RecordValidationOptions.SectionName);
        builder.Services.AddOptions<ArchiverOptions>()
            .BindConfiguration(ArchiverOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConsumerGroup), "Pipeline:Archiver:ConsumerGroup must be set.")
            .Validate(o => o.BufferSize >= 1, "Pipeline:Archiver:BufferSize must be at least 1 byte.")
            .Validate(o => o.BufferInterval > TimeSpan.Zero, "Pipeline:Archiver:BufferInterval must be positive.")
            .Validate(o => o.MaxBufferRecords >= 1, "Pipeline:Archiver:MaxBufferRecords must be at least 1.")
            .Validate(o => o.PartSize >= ArchiverOptions.MinimumPartSize, "Pipeline:Archiver:PartSize must be at least 5 MiB (S3's smallest part).")
            .Validate(o => o.MultipartThreshold >= o.PartSize, "Pipeline:Archiver:MultipartThreshold must be at least PartSize.")
            .ValidateOnStart();

        var bucketName = builder.Configuration.GetConnectionString(ArchiveBucket.ConnectionName);
        if (string.IsNullOrWhiteSpace(bucketName))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ArchiveBucket.ConnectionName} must name the archive's S3 bucket.");
        }

        var forcePathStyle = string.Equals(builder.Configuration[ArchiveClient.ForcePathStyleVariable], "true", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddSingleton(_ => ArchiveClient.Create(forcePathStyle));
        builder.Services.AddSingleton(sp => new ArchiveBucket(sp.GetRequiredService<IAmazonS3>(), bucketName));

        var group = builder.Configuration[ArchiverOptions.SectionName + ":ConsumerGroup"] is { Length: > 0 } configured ? configured : new ArchiverOptions().ConsumerGroup;
        builder.AddStageKafkaClients("kafka", group, "archiver");
        builder.Services.AddSingleton<ArchiverMetrics>();
        builder.Services.AddSingleton<ArchiveUploader>();
        builder.Services.AddSingleton<ArchiveBatchHandler>();
        builder.AddBatchConsumerWorker<ArchiverWorker>("archiver");
        return builder;
    }
}

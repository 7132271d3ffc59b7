using Amazon.S3;
using Confluent.Kafka;
using LogPipeline.Archive;
using LogPipeline.Contracts;
using LogPipeline.Replay;
using LogPipeline.Storage.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class ReplayHostingExtensions
{
    /// <summary>
    /// The archive (bucket from <c>ConnectionStrings:archive</c>, S3 client from the SDK's settings), the writer's
    /// <see cref="LogBatchWriter"/> for restores, a producer for <c>logs.raw</c>, and <see cref="ReplayJobs"/>.
    /// Without an archive configured nothing is registered (<see cref="ArchiveBucket"/> cannot be resolved).
    /// </summary>
    public static IHostApplicationBuilder AddArchiveReplay(this IHostApplicationBuilder builder, string kafkaConnectionName = "kafka")
    {
        var bucketName = builder.Configuration.GetConnectionString(ArchiveBucket.ConnectionName);
        if (string.IsNullOrWhiteSpace(bucketName))
        {
            return builder;
        }

        var forcePathStyle = string.Equals(builder.Configuration[ArchiveClient.ForcePathStyleVariable], "true", StringComparison.OrdinalIgnoreCase);
        builder.Services.TryAddSingleton(_ => ArchiveClient.Create(forcePathStyle));
        builder.Services.TryAddSingleton(sp => new ArchiveBucket(sp.GetRequiredService<IAmazonS3>(), bucketName));
        builder.Services.AddOptions<TopicOptions>().BindConfiguration(TopicOptions.SectionName);
        builder.AddLogStorage();
        builder.Services.TryAddSingleton<WriterMetrics>();
        builder.Services.TryAddSingleton<LogBatchWriter>();
        if (!builder.Services.Any(s => s.ServiceType == typeof(IProducer<byte[]?, byte[]?>)))
        {
            builder.AddKafkaProducer(kafkaConnectionName);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new ArchiveReplayer(
            sp.GetRequiredService<ArchiveBucket>(),
            sp.GetRequiredService<IProducer<byte[]?, byte[]?>>(),
            sp.GetRequiredService<LogBatchWriter>(),
            sp.GetRequiredService<IOptions<TopicOptions>>().Value.Raw,
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton<ReplayJobs>();
        return builder;
    }
}

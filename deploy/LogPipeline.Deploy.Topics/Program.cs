using Confluent.Kafka;
using LogPipeline.Deploy.Topics;
using LogPipeline.Kafka;
using LogPipeline.Kafka.Msk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Reads ConnectionStrings:kafka, Aspire:Confluent:Kafka:Producer:Config:*, Pipeline:Kafka:MskIamAuth and
// Pipeline:Kafka:Topics:{i}:{Name,Partitions,RetentionMs,ReplicationFactor}; exits 0 once every topic exists.
var builder = Host.CreateApplicationBuilder(args);
using var host = builder.Build();
var configuration = host.Services.GetRequiredService<IConfiguration>();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogPipeline.Deploy.Topics");

var config = KafkaClientConfiguration.CreateAdminConfig(configuration, "kafka");
using var admin = new AdminClientBuilder(config)
    .SetLogHandler((_, m) => logger.LogDebug("librdkafka {Facility}: {Message}", m.Facility, m.Message))
    .UseMskIamAuthentication(config, configuration, logger)
    .Build();
try
{
    await TopicInitializer.EnsureTopicsAsync(admin, TopicInitializer.ReadTopics(configuration), logger, TimeSpan.FromSeconds(60));
    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or KafkaException)
{
    logger.LogError(ex, "Creating the topics failed");
    return 1;
}

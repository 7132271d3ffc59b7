using LogPipeline.AppHost;
using LogPipeline.Contracts;
using LogPipeline.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var kafka = builder.AddKafka("kafka")
    .WithTopic(Topics.Raw, partitions: 8)
    .WithTopic(Topics.Scored, partitions: 8)
    .WithTopic(Topics.DeadLetter, partitions: 2);

var dynamodb = builder.AddDynamoDbLocal("dynamodb")
    .WithLogPipelineTables();

var rcf = builder.AddProject<Projects.LogPipeline_RcfEndpoint>("rcf")
    .WithPipelineConfiguration()
    .WithHttpHealthCheck("/ping");

var scorer = builder.AddProject<Projects.LogPipeline_Scorer>("scorer")
    .WithReference(kafka).WaitFor(kafka)
    .WithSageMakerEndpoint(rcf).WaitFor(rcf)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck();

builder.AddProject<Projects.LogPipeline_Writer>("writer")
    .WithReference(kafka).WaitFor(kafka)
    .WithReference(dynamodb).WaitFor(dynamodb)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck();

builder.AddProject<Projects.LogPipeline_QueryApi>("queryapi")
    .WithReference(dynamodb).WaitFor(dynamodb)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck();

builder.AddProject<Projects.LogPipeline_Generator>("generator")
    .WithReference(kafka).WaitFor(kafka)
    .WaitFor(scorer)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck();

builder.Build().Run();

public partial class Program;

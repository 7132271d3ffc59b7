using LogPipeline.AppHost;
using LogPipeline.Contracts;

var builder = DistributedApplication.CreateBuilder(args)
    .WithTelemetryExportOnlyToTheDashboard();

var kafka = builder.AddEmbeddedKafka("kafka")
    .WithTopic(Topics.Raw, partitions: 8)
    .WithTopic(Topics.Scored, partitions: 8)
    .WithTopic(Topics.DeadLetter, partitions: 2);

var dynamodb = builder.AddDynamoDBLocal("dynamodb", port: builder.LocalPort("dynamodb", 18000))
    .WithLogPipelineTables();

var s3 = builder.AddS3Local("s3", port: builder.LocalPort("s3", 18090));
var archive = s3.AddBucket("archive", bucketName: "logpipeline-archive");

var rcf = builder.AddProject<Projects.LogPipeline_RcfEndpoint>("rcf")
    .WithLocalHttpPort(18081)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck("/ping");

var scorer = builder.AddProject<Projects.LogPipeline_Scorer>("scorer")
    .WithLocalHttpPort(18084)
    .WithConfiguredReplicas()
    .WithReference(kafka).WaitFor(kafka)
    .WithSageMakerEndpoint(rcf).WaitFor(rcf)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.LogPipeline_Writer>("writer")
    .WithLocalHttpPort(18085)
    .WithConfiguredReplicas()
    .WithReference(kafka).WaitFor(kafka)
    .WithReference(dynamodb).WaitFor(dynamodb)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.LogPipeline_Archiver>("archiver")
    .WithLocalHttpPort(18086)
    .WithReference(kafka).WaitFor(kafka)
    .WithReference(archive).WaitFor(s3)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck("/health");

var queryApiKey = builder.AddParameter("queryapi-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
builder.AddProject<Projects.LogPipeline_QueryApi>("queryapi")
    .WithLocalHttpPort(18080)
    .WithReference(dynamodb).WaitFor(dynamodb)
    .WithReference(kafka).WaitFor(kafka)
    .WithReference(archive).WaitFor(s3)
    .WithApiKey(queryApiKey)
    .WithReplayCommands(queryApiKey)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck("/health");

var generator = builder.AddProject<Projects.LogPipeline_Generator>("generator")
    .WithLocalHttpPort(18082)
    .WithReference(kafka).WaitFor(kafka)
    .WaitFor(scorer)
    .WithPipelineConfiguration()
    .WithGeneratorCommands()
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.LogPipeline_PipelineView>("pipeline")
    .WithLocalHttpPort(18083)
    .WithReference(kafka).WaitFor(kafka)
    .WithReference(scorer).WithReference(generator)
    .WithPipelineConfiguration()
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Pipeline view");

builder.AddResourceList();

builder.Build().Run();

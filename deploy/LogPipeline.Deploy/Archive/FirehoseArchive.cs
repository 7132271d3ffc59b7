using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Kinesis;
using Amazon.CDK.AWS.KinesisFirehose;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace LogPipeline.Deploy.Archive;

/// <summary>
/// The source article's managed archive path, instead of the archiver service: the log table streams its item changes
/// into a Kinesis Data Stream (the table's Kinesis streaming destination), Firehose reads it, a Lambda function
/// flattens each DynamoDB item into a JSON line, and Firehose buffers (1 MiB or 2 minutes by default) and writes gzip
/// objects under the same <c>year=/month=/day=/hour=</c> prefixes into the archive bucket, encrypted with its key.
/// </summary>
public sealed class FirehoseArchive : Construct
{
    /// <summary>Firehose's own prefix expressions: the hour the records arrived (UTC), as the archiver's keys.</summary>
    public const string Prefix = "year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/";

    public const string ErrorPrefix = "firehose-errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/";

    public const string TransformRuntime = "nodejs22.x";

    public FirehoseArchive(Construct scope, string id, DeploymentSettings settings, IKey key, string bucketArn, string bucketKeyArn, RetentionDays logRetention)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        Stream = new Amazon.CDK.AWS.Kinesis.Stream(this, "Stream", new StreamProps
        {
            StreamName = settings.Prefix.ToLowerInvariant() + "-log-changes",
            ShardCount = settings.ArchiveStreamShards,
            Encryption = StreamEncryption.KMS,
            EncryptionKey = key,
            RetentionPeriod = Duration.Hours(24),
        });

        var transformName = settings.Prefix + "-archive-transform";
        var transformLogs = new LogGroup(this, "TransformLogs", new LogGroupProps
        {
            LogGroupName = "/aws/lambda/" + transformName,
            Retention = logRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var transformRole = new Role(this, "TransformRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Flattens DynamoDB change records for Firehose: writes only its own logs",
        });
        transformRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "OwnLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [transformLogs.LogGroupArn],
        }));
        Transform = new Function(this, "Transform", new FunctionProps
        {
            FunctionName = transformName,
            Description = "DynamoDB change record -> one flat JSON line of the stored log; TTL removals dropped",
            Runtime = new Runtime(TransformRuntime, RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true }),
            Handler = "index.handler",
            Code = Code.FromInline(TransformSource()),
            Role = transformRole,
            MemorySize = 256,
            Timeout = Duration.Minutes(1),
        });
        Transform.Node.AddDependency(transformLogs);

        var deliveryLogs = new LogGroup(this, "DeliveryLogs", new LogGroupProps
        {
            LogGroupName = $"/aws/kinesisfirehose/{settings.Prefix.ToLowerInvariant()}-archive",
            Retention = logRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var deliveryLogStream = new LogStream(this, "DeliveryErrors", new LogStreamProps { LogGroup = deliveryLogs, LogStreamName = "S3Delivery" });

        DeliveryRole = new Role(this, "DeliveryRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("firehose.amazonaws.com"),
            Description = "Firehose: read the log change stream, transform, write the archive bucket",
        });
        DeliveryRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadChangeStream",
            Actions = ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"],
            Resources = [Stream.StreamArn],
        }));
        DeliveryRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "StreamKey",
            Actions = ["kms:Decrypt"],
            Resources = [key.KeyArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"kinesis.{stack.Region}.{stack.UrlSuffix}" },
            },
        }));
        DeliveryRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "InvokeTransform",
            Actions = ["lambda:GetFunctionConfiguration", "lambda:InvokeFunction"],
            Resources = [Transform.FunctionArn],
        }));
        DeliveryRole.AddToPolicy(ArchivePermissions.WriteObjects(bucketArn));
        DeliveryRole.AddToPolicy(ArchivePermissions.ListBucket(bucketArn));
        DeliveryRole.AddToPolicy(ArchivePermissions.UseKey(stack, bucketKeyArn));
        DeliveryRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DeliveryLogs",
            Actions = ["logs:PutLogEvents"],
            Resources = [deliveryLogs.LogGroupArn],
        }));

        DeliveryStream = new CfnDeliveryStream(this, "DeliveryStream", new CfnDeliveryStreamProps
        {
            DeliveryStreamName = settings.Prefix.ToLowerInvariant() + "-archive",
            DeliveryStreamType = "KinesisStreamAsSource",
            KinesisStreamSourceConfiguration = new CfnDeliveryStream.KinesisStreamSourceConfigurationProperty
            {
                KinesisStreamArn = Stream.StreamArn,
                RoleArn = DeliveryRole.RoleArn,
            },
            ExtendedS3DestinationConfiguration = new CfnDeliveryStream.ExtendedS3DestinationConfigurationProperty
            {
                BucketArn = bucketArn,
                RoleArn = DeliveryRole.RoleArn,
                Prefix = Prefix,
                ErrorOutputPrefix = ErrorPrefix,
                BufferingHints = new CfnDeliveryStream.BufferingHintsProperty
                {
                    SizeInMBs = settings.ArchiveBufferMiB,
                    IntervalInSeconds = settings.ArchiveBufferSeconds,
                },
                CompressionFormat = "GZIP",
                EncryptionConfiguration = new CfnDeliveryStream.EncryptionConfigurationProperty
                {
                    KmsEncryptionConfig = new CfnDeliveryStream.KMSEncryptionConfigProperty { AwskmsKeyArn = bucketKeyArn },
                },
                ProcessingConfiguration = new CfnDeliveryStream.ProcessingConfigurationProperty
                {
                    Enabled = true,
                    Processors = new object[]
                    {
                        new CfnDeliveryStream.ProcessorProperty
                        {
                            Type = "Lambda",
                            Parameters = new object[]
                            {
                                new CfnDeliveryStream.ProcessorParameterProperty { ParameterName = "LambdaArn", ParameterValue = Transform.FunctionArn },
                                new CfnDeliveryStream.ProcessorParameterProperty { ParameterName = "BufferSizeInMBs", ParameterValue = "1" },
                                new CfnDeliveryStream.ProcessorParameterProperty
                                {
                                    ParameterName = "BufferIntervalInSeconds",
                                    ParameterValue = Math.Max(60, settings.ArchiveBufferSeconds).ToString(CultureInfo.InvariantCulture),
                                },
                            },
                        },
                    },
                },
                CloudWatchLoggingOptions = new CfnDeliveryStream.CloudWatchLoggingOptionsProperty
                {
                    Enabled = true,
                    LogGroupName = deliveryLogs.LogGroupName,
                    LogStreamName = deliveryLogStream.LogStreamName,
                },
            },
        });
        // Firehose checks its role's permissions when the delivery stream is created.
        DeliveryStream.Node.AddDependency(DeliveryRole);
    }

    public Amazon.CDK.AWS.Kinesis.Stream Stream { get; }

    public Function Transform { get; }

    public Role DeliveryRole { get; }

    public CfnDeliveryStream DeliveryStream { get; }

    private static string TransformSource()
    {
        using var resource = typeof(FirehoseArchive).Assembly.GetManifestResourceStream("flatten-dynamodb-record.js")
            ?? throw new InvalidOperationException("The transformation's source is not embedded.");
        using var reader = new StreamReader(resource);
        return reader.ReadToEnd();
    }
}

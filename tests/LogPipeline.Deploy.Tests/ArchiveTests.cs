using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using LogPipeline.Deploy.Archive;
using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

[Collection(CdkCollection.Name)]
public class ArchiveTests(DefaultDeployment deployment, FirehoseDeployment firehose)
{
    const string Topic = "arn:{AWS::Partition}:kafka:{AWS::Region}:{AWS::AccountId}:topic/logpipeline-kafka/{split(/,{KafkaServerless3B746D71.Arn})[2]}/";
    const string Group = "arn:{AWS::Partition}:kafka:{AWS::Region}:{AWS::AccountId}:group/logpipeline-kafka/{split(/,{KafkaServerless3B746D71.Arn})[2]}/";

    readonly SynthesizedStack _stack = deployment.Pipeline;

    [Fact]
    public void TheArchiveBucketIsEncryptedWithTheDataKeyPrivateTlsOnlyAndOwnsEveryObject()
    {
        var key = _stack.OfType("AWS::KMS::Key").Single().Id;
        var bucket = _stack.OfType("AWS::S3::Bucket").Single();

        _stack.Template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketEncryption"] = new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["BucketKeyEnabled"] = true,
                        ["ServerSideEncryptionByDefault"] = new Dictionary<string, object>
                        {
                            ["SSEAlgorithm"] = "aws:kms",
                            ["KMSMasterKeyID"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { key, "Arn" } },
                        },
                    },
                },
            },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["OwnershipControls"] = new Dictionary<string, object>
            {
                ["Rules"] = new object[] { new Dictionary<string, object> { ["ObjectOwnership"] = "BucketOwnerEnforced" } },
            },
        });
        Assert.Equal("Retain", (string?)bucket.Resource["DeletionPolicy"]);

        var policy = _stack.OfType("AWS::S3::BucketPolicy").Single().Properties["PolicyDocument"]!["Statement"]!.AsArray();
        var denyPlainHttp = Assert.Single(policy, s => (string?)s!["Effect"] == "Deny");
        Assert.Equal("false", (string?)denyPlainHttp!["Condition"]!["Bool"]!["aws:SecureTransport"]);
        Assert.Equal("s3:*", (string?)denyPlainHttp["Action"]);
    }

    [Fact]
    public void OlderObjectsMoveToCheaperStorageClassesAndAbandonedUploadsAreAborted()
    {
        var rules = _stack.OfType("AWS::S3::Bucket").Single().Properties["LifecycleConfiguration"]!["Rules"]!.AsArray();

        var aging = rules.Single(r => (string?)r!["Id"] == "OlderLogsToCheaperStorage")!;
        Assert.Equal(
            ["STANDARD_IA after 30", "GLACIER_IR after 90", "DEEP_ARCHIVE after 365"],
            aging["Transitions"]!.AsArray().Select(t => $"{t!["StorageClass"]} after {t["TransitionInDays"]}"));
        Assert.Null(aging["ExpirationInDays"]);
        var abort = rules.Single(r => (string?)r!["Id"] == "AbortIncompleteUploads")!;
        Assert.Equal(1, (int?)abort["AbortIncompleteMultipartUpload"]!["DaysAfterInitiation"]);
    }

    [Fact]
    public void TheArchiverRunsOnFargateWithTheBucketAndTheFirehoseBufferAndOnlyWhatItCalls()
    {
        var task = _stack.TaskDefinition("logpipeline/archiver");
        var environment = SynthesizedStack.Environment(_stack.Container(task, "app"));
        var bucket = "{" + _stack.OfType("AWS::S3::Bucket").Single().Id + "}";

        Assert.Equal(bucket, environment["ConnectionStrings__archive"]);
        Assert.Equal("1048576", environment["Pipeline__Archiver__BufferSize"]);
        Assert.Equal("00:02:00", environment["Pipeline__Archiver__BufferInterval"]);
        Assert.Equal("archiver", environment["Pipeline__Archiver__ConsumerGroup"]);
        Assert.Equal("true", environment["Pipeline__Kafka__MskIamAuth"]);
        Assert.Equal(bucket, SynthesizedStack.Environment(_stack.Container(_stack.TaskDefinition("logpipeline/queryapi"), "app"))["ConnectionStrings__archive"]);

        var bucketArn = "{" + _stack.OfType("AWS::S3::Bucket").Single().Id + ".Arn}";
        var keyArn = "{" + _stack.OfType("AWS::KMS::Key").Single().Id + ".Arn}";
        var statements = _stack.Statements(SynthesizedStack.RoleId(task["TaskRoleArn"]));
        Assert.Equal(
            [
                "ArchiveKey: kms:Decrypt, kms:GenerateDataKey -> " + keyArn,
                "ArchiveListBucket: s3:GetBucketLocation, s3:ListBucket, s3:ListBucketMultipartUploads -> " + bucketArn,
                "ArchiveWriteObjects: s3:AbortMultipartUpload, s3:GetObject, s3:ListMultipartUploadParts, s3:PutObject -> " + bucketArn + "/*",
                "KafkaConnect: kafka-cluster:Connect, kafka-cluster:WriteDataIdempotently -> {KafkaServerless3B746D71.Arn}",
                "KafkaConsume: kafka-cluster:DescribeTopic, kafka-cluster:ReadData -> " + Topic + "logs.scored",
                "KafkaConsumerGroup: kafka-cluster:AlterGroup, kafka-cluster:DescribeGroup -> " + Group + "archiver",
                "KafkaCreateTopics: kafka-cluster:CreateTopic, kafka-cluster:DescribeTopic -> " + Topic + "logs.scored | " + Topic + "logs.dlq",
                "KafkaProduce: kafka-cluster:DescribeTopic, kafka-cluster:WriteData -> " + Topic + "logs.dlq",
            ],
            statements.Select(s => $"{s.Sid}: {string.Join(", ", s.Actions.Order(StringComparer.Ordinal))} -> {string.Join(" | ", s.Resources)}").Order(StringComparer.Ordinal));
        var archiveKey = statements.Single(s => s.Sid == "ArchiveKey");
        Assert.Equal("s3.{AWS::Region}.{AWS::URLSuffix}", Cfn.Render(archiveKey.Condition!["StringEquals"]!["kms:ViaService"]));
    }

    [Fact]
    public void TheDefaultPathHasNoFirehoseNoChangeStreamAndTheFirehosePathNoArchiver()
    {
        _stack.Template.ResourceCountIs("AWS::KinesisFirehose::DeliveryStream", 0);
        _stack.Template.ResourceCountIs("AWS::Kinesis::Stream", 0);
        Assert.All(_stack.OfType("AWS::DynamoDB::Table"), t => Assert.Null(t.Properties["KinesisStreamSpecification"]));

        var services = firehose.Pipeline.OfType("AWS::ECS::Service").Select(s => (string)s.Properties["ServiceName"]!).Order();
        Assert.Equal(["queryapi", "scorer", "writer"], services);
        firehose.Pipeline.Template.ResourceCountIs("AWS::S3::Bucket", 0);
    }

    [Fact]
    public void TheFirehosePathStreamsTheLogTableThroughAnEncryptedKinesisStream()
    {
        var stack = firehose.Pipeline;
        var stream = stack.OfType("AWS::Kinesis::Stream").Single();
        var key = stack.OfType("AWS::KMS::Key").Single().Id;

        Assert.Equal("KMS", (string?)stream.Properties["StreamEncryption"]!["EncryptionType"]);
        Assert.Equal("{" + key + ".Arn}", Cfn.Render(stream.Properties["StreamEncryption"]!["KeyId"]));
        var logTable = stack.OfType("AWS::DynamoDB::Table").Single(t => (string?)t.Properties["TableName"] == "KafkaLogData");
        Assert.Equal("{" + stream.Id + ".Arn}", Cfn.Render(logTable.Properties["KinesisStreamSpecification"]!["StreamArn"]));
        var counterTable = stack.OfType("AWS::DynamoDB::Table").Single(t => (string?)t.Properties["TableName"] == "KafkaLogCounters");
        Assert.Null(counterTable.Properties["KinesisStreamSpecification"]);
    }

    [Fact]
    public void FirehoseWritesTheSamePrefixesWithTheConfiguredBufferGzipAndTheBucketsKeyIntoTheOtherAccountsBucket()
    {
        var stack = firehose.Pipeline;
        var delivery = stack.OfType("AWS::KinesisFirehose::DeliveryStream").Single().Properties;
        var s3 = delivery["ExtendedS3DestinationConfiguration"]!;

        Assert.Equal("KinesisStreamAsSource", (string?)delivery["DeliveryStreamType"]);
        Assert.Equal(FirehoseDeployment.BucketArn, (string?)s3["BucketARN"]);
        Assert.Equal("year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/", (string?)s3["Prefix"]);
        Assert.Contains("!{firehose:error-output-type}", (string?)s3["ErrorOutputPrefix"], StringComparison.Ordinal);
        Assert.Equal(5, (int?)s3["BufferingHints"]!["SizeInMBs"]);
        Assert.Equal(300, (int?)s3["BufferingHints"]!["IntervalInSeconds"]);
        Assert.Equal("GZIP", (string?)s3["CompressionFormat"]);
        Assert.Equal(FirehoseDeployment.KeyArn, (string?)s3["EncryptionConfiguration"]!["KMSEncryptionConfig"]!["AWSKMSKeyARN"]);
        var processor = s3["ProcessingConfiguration"]!["Processors"]![0]!;
        Assert.Equal("Lambda", (string?)processor["Type"]);
        var function = stack.OfType("AWS::Lambda::Function").Single(f => (string?)f.Properties["FunctionName"] == "LogPipeline-archive-transform");
        Assert.Equal("{" + function.Id + ".Arn}", Cfn.Render(processor["Parameters"]!.AsArray().Single(p => (string?)p!["ParameterName"] == "LambdaArn")!["ParameterValue"]));
        Assert.Equal(FirehoseArchive.TransformRuntime, (string?)function.Properties["Runtime"]);
    }

    [Fact]
    public void FirehosesRoleReadsOnlyTheStreamInvokesOnlyTheTransformAndWritesOnlyTheArchiveBucket()
    {
        var stack = firehose.Pipeline;
        var role = stack.OfType("AWS::IAM::Role").Single(r => r.Properties["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]?.ToString() == "firehose.amazonaws.com").Id;
        var stream = "{" + stack.OfType("AWS::Kinesis::Stream").Single().Id + ".Arn}";
        var function = "{" + stack.OfType("AWS::Lambda::Function").Single(f => (string?)f.Properties["FunctionName"] == "LogPipeline-archive-transform").Id + ".Arn}";
        var key = "{" + stack.OfType("AWS::KMS::Key").Single().Id + ".Arn}";

        var statements = stack.Statements(role).Select(s => $"{s.Sid}: {string.Join(", ", s.Actions.Order(StringComparer.Ordinal))} -> {string.Join(" | ", s.Resources)}").Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "ArchiveKey: kms:Decrypt, kms:GenerateDataKey -> " + FirehoseDeployment.KeyArn,
                "ArchiveListBucket: s3:GetBucketLocation, s3:ListBucket, s3:ListBucketMultipartUploads -> " + FirehoseDeployment.BucketArn,
                "ArchiveWriteObjects: s3:AbortMultipartUpload, s3:GetObject, s3:ListMultipartUploadParts, s3:PutObject -> " + FirehoseDeployment.BucketArn + "/*",
                "DeliveryLogs: logs:PutLogEvents -> {" + stack.OfType("AWS::Logs::LogGroup").Single(g => ((string?)g.Properties["LogGroupName"])!.StartsWith("/aws/kinesisfirehose/", StringComparison.Ordinal)).Id + ".Arn}",
                "InvokeTransform: lambda:GetFunctionConfiguration, lambda:InvokeFunction -> " + function,
                "ReadChangeStream: kinesis:DescribeStream, kinesis:DescribeStreamSummary, kinesis:GetRecords, kinesis:GetShardIterator, kinesis:ListShards -> " + stream,
                "StreamKey: kms:Decrypt -> " + key,
            ],
            statements);
        Assert.All(stack.OfType("AWS::IAM::Role"), r => Assert.Null(r.Properties["ManagedPolicyArns"]));
    }

    [Fact]
    public void TheOtherAccountsBucketStackLetsThePipelinesAccountWriteThroughS3Only()
    {
        var stack = firehose.ArchiveBucket!;
        var writer = "arn:{AWS::Partition}:iam::" + FirehoseDeployment.WriterAccount + ":root";

        var statements = stack.OfType("AWS::S3::BucketPolicy").Single().Properties["PolicyDocument"]!["Statement"]!.AsArray()
            .Where(s => (string?)s!["Effect"] == "Allow")
            .ToDictionary(s => (string)s!["Sid"]!, s => s!);
        Assert.Equal(writer, Cfn.Render(statements["WriterAccountWritesObjects"]["Principal"]!["AWS"]));
        Assert.Equal(ArchivePermissions.WriteObjectActions, statements["WriterAccountWritesObjects"]["Action"]!.AsArray().Select(a => (string)a!));
        Assert.EndsWith(".Arn}/*", Cfn.Render(statements["WriterAccountWritesObjects"]["Resource"]), StringComparison.Ordinal);
        Assert.Equal(ArchivePermissions.ListBucketActions, statements["WriterAccountListsBucket"]["Action"]!.AsArray().Select(a => (string)a!));

        var keyPolicy = stack.OfType("AWS::KMS::Key").Single().Properties["KeyPolicy"]!["Statement"]!.AsArray();
        var grant = keyPolicy.Single(s => (string?)s!["Sid"] == "WriterAccountEncryptsArchiveObjects")!;
        Assert.Equal(writer, Cfn.Render(grant["Principal"]!["AWS"]));
        Assert.Equal("s3.{AWS::Region}.{AWS::URLSuffix}", Cfn.Render(grant["Condition"]!["StringEquals"]!["kms:ViaService"]));
        Assert.Equal(2555, (int?)stack.OfType("AWS::S3::Bucket").Single().Properties["LifecycleConfiguration"]!["Rules"]![0]!["ExpirationInDays"]);
        Assert.Null(deployment.ArchiveBucket);
    }

    [Fact]
    public void TheTransformFlattensInsertedItemsAndDropsTtlRemovals()
    {
        var source = firehose.Pipeline.OfType("AWS::Lambda::Function")
            .Single(f => (string?)f.Properties["FunctionName"] == "LogPipeline-archive-transform").Properties["Code"]!["ZipFile"]!.GetValue<string>();
        var insert = new JsonObject
        {
            ["eventName"] = "INSERT",
            ["dynamodb"] = new JsonObject
            {
                ["NewImage"] = JsonNode.Parse("""{"id":{"S":"log-1"},"status":{"N":"503"},"isAnomaly":{"BOOL":true},"scores":{"L":[{"N":"1.5"}]},"meta":{"M":{"path":{"S":"/a"}}}}"""),
            },
        };
        var remove = new JsonObject { ["eventName"] = "REMOVE", ["dynamodb"] = new JsonObject { ["OldImage"] = JsonNode.Parse("""{"id":{"S":"log-2"}}""") } };
        var records = new JsonArray(
            Record("r1", insert.ToJsonString()),
            Record("r2", remove.ToJsonString()),
            Record("r3", "not json"));

        var output = RunNode(source, new JsonObject { ["records"] = records }.ToJsonString());

        var results = JsonNode.Parse(output)!["records"]!.AsArray();
        Assert.Equal(["r1:Ok", "r2:Dropped", "r3:ProcessingFailed"], results.Select(r => $"{r!["recordId"]}:{r["result"]}"));
        var line = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)results[0]!["data"]!));
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.Equal("""{"id":"log-1","status":503,"isAnomaly":true,"scores":[1.5],"meta":{"path":"/a"}}""", line.TrimEnd('\n'));
    }

    static JsonObject Record(string id, string data) => new()
    {
        ["recordId"] = id,
        ["data"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(data)),
    };

    static string RunNode(string handlerSource, string eventJson)
    {
        var directory = Directory.CreateTempSubdirectory("logpipeline-transform-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "index.js"), handlerSource);
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory.FullName };
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add("require('./index.js').handler(JSON.parse(process.argv[1])).then(r => process.stdout.write(JSON.stringify(r)))");
            start.ArgumentList.Add(eventJson);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "node did not finish");
            Assert.True(process.ExitCode == 0, error.Result);
            return output.Result;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

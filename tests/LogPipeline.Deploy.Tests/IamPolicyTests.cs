using LogPipeline.Deploy.Tests.Infrastructure;

namespace LogPipeline.Deploy.Tests;

[Collection(CdkCollection.Name)]
public class IamPolicyTests(DefaultDeployment deployment)
{
    const string Topic = "arn:{AWS::Partition}:kafka:{AWS::Region}:{AWS::AccountId}:topic/logpipeline-kafka/{split(/,{KafkaServerless3B746D71.Arn})[2]}/";
    const string Group = "arn:{AWS::Partition}:kafka:{AWS::Region}:{AWS::AccountId}:group/logpipeline-kafka/{split(/,{KafkaServerless3B746D71.Arn})[2]}/";
    const string Cluster = "{KafkaServerless3B746D71.Arn}";
    const string Endpoint = "arn:{AWS::Partition}:sagemaker:{AWS::Region}:{AWS::AccountId}:endpoint/rcf-anomaly-endpoint";

    readonly SynthesizedStack _stack = deployment.Pipeline;

    [Fact]
    public void TheScorerMayConsumeRawProduceScoredAndDeadLettersAndInvokeOnlyTheEndpoint()
    {
        Assert.Equal(
            [
                "InvokeEndpoint: sagemaker:InvokeEndpoint -> " + Endpoint,
                "KafkaConnect: kafka-cluster:Connect, kafka-cluster:WriteDataIdempotently -> " + Cluster,
                "KafkaConsume: kafka-cluster:DescribeTopic, kafka-cluster:ReadData -> " + Topic + "logs.raw",
                "KafkaConsumerGroup: kafka-cluster:AlterGroup, kafka-cluster:DescribeGroup -> " + Group + "scorer",
                "KafkaCreateTopics: kafka-cluster:CreateTopic, kafka-cluster:DescribeTopic -> " + Topic + "logs.raw | " + Topic + "logs.scored | " + Topic + "logs.dlq",
                "KafkaProduce: kafka-cluster:DescribeTopic, kafka-cluster:WriteData -> " + Topic + "logs.scored | " + Topic + "logs.dlq",
            ],
            TaskRoleStatements("scorer"));
    }

    [Fact]
    public void TheWriterMayConsumeScoredAndWriteOnlyTheTwoTables()
    {
        var logTable = TableArn("KafkaLogData");
        var counterTable = TableArn("KafkaLogCounters");

        Assert.Equal(
            [
                "KafkaConnect: kafka-cluster:Connect, kafka-cluster:WriteDataIdempotently -> " + Cluster,
                "KafkaConsume: kafka-cluster:DescribeTopic, kafka-cluster:ReadData -> " + Topic + "logs.scored",
                "KafkaConsumerGroup: kafka-cluster:AlterGroup, kafka-cluster:DescribeGroup -> " + Group + "writer",
                "KafkaCreateTopics: kafka-cluster:CreateTopic, kafka-cluster:DescribeTopic -> " + Topic + "logs.scored | " + Topic + "logs.dlq",
                "KafkaProduce: kafka-cluster:DescribeTopic, kafka-cluster:WriteData -> " + Topic + "logs.dlq",
                "TableKey: kms:Decrypt, kms:DescribeKey, kms:Encrypt, kms:GenerateDataKey*, kms:ReEncrypt* -> " + KeyArn(),
                "WriteCounters: dynamodb:GetItem, dynamodb:UpdateItem -> " + counterTable,
                "WriteLogs: dynamodb:BatchGetItem, dynamodb:BatchWriteItem -> " + logTable,
            ],
            TaskRoleStatements("writer"));
    }

    [Fact]
    public void TheQueryApiReadsTheTablesDeadLettersAndArchiveAndMayRedriveIntoRawAndRestoreLogs()
    {
        var logTable = TableArn("KafkaLogData");

        Assert.Equal(
            [
                "ArchiveKey: kms:Decrypt -> " + KeyArn(),
                "ArchiveListBucket: s3:GetBucketLocation, s3:ListBucket, s3:ListBucketMultipartUploads -> " + BucketArn(),
                "ArchiveReadObjects: s3:GetObject -> " + BucketArn() + "/*",
                "KafkaConnect: kafka-cluster:Connect, kafka-cluster:WriteDataIdempotently -> " + Cluster,
                "KafkaConsume: kafka-cluster:DescribeTopic, kafka-cluster:ReadData -> " + Topic + "logs.dlq",
                "KafkaCreateTopics: kafka-cluster:CreateTopic, kafka-cluster:DescribeTopic -> " + Topic + "logs.raw | " + Topic + "logs.dlq",
                "KafkaProduce: kafka-cluster:DescribeTopic, kafka-cluster:WriteData -> " + Topic + "logs.raw",
                "ReadCounters: dynamodb:GetItem, dynamodb:Query -> " + TableArn("KafkaLogCounters"),
                "ReadLogs: dynamodb:GetItem, dynamodb:Query -> " + logTable + " | " + logTable + "/index/TimeIndex | " + logTable + "/index/AnomalyIndex",
                "RedriveLedger: dynamodb:DeleteItem, dynamodb:PutItem, dynamodb:UpdateItem -> " + TableArn("KafkaLogCounters"),
                "RestoreCounters: dynamodb:GetItem, dynamodb:UpdateItem -> " + TableArn("KafkaLogCounters"),
                "RestoreLogs: dynamodb:BatchGetItem, dynamodb:BatchWriteItem -> " + logTable,
                "TableKey: kms:Decrypt, kms:DescribeKey, kms:Encrypt, kms:GenerateDataKey*, kms:ReEncrypt* -> " + KeyArn(),
            ],
            TaskRoleStatements("queryapi"));
    }

    [Fact]
    public void TheQueryApiWritesOnlyTheRedriveLedgersItemsOfTheCounterTable()
    {
        var ledger = Assert.Single(_stack.AllStatements(), s => s.Sid == "RedriveLedger");

        Assert.Equal("[\"redriven:*\"]", ledger.Condition!["ForAllValues:StringLike"]!["dynamodb:LeadingKeys"]!.ToJsonString());
    }

    [Fact]
    public void TheTableKeyIsUsableOnlyThroughDynamoDbInTheStacksRegion()
    {
        var keyStatements = _stack.AllStatements().Where(s => s.Sid == "TableKey").ToList();

        Assert.Equal(2, keyStatements.Count);
        Assert.All(keyStatements, s => Assert.Equal(
            "dynamodb.{AWS::Region}.{AWS::URLSuffix}",
            Cfn.Render(s.Condition!["StringEquals"]!["kms:ViaService"])));
    }

    [Fact]
    public void NoStatementGrantsAWildcardResourceExceptForActionsAwsCannotScope()
    {
        // ecr:GetAuthorizationToken has no resource-level permissions: AWS requires "*" for it.
        string[] unscopable = ["ecr:GetAuthorizationToken"];
        var statements = _stack.AllStatements();

        Assert.NotEmpty(statements);
        Assert.All(statements, s =>
        {
            Assert.Equal("Allow", s.Effect);
            Assert.DoesNotContain(s.Actions, a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal));
            if (s.Resources.Any(r => r == "*"))
            {
                Assert.Equal([.. unscopable], s.Actions);
            }
            else if (s.Actions.All(a => a.StartsWith("s3:", StringComparison.Ordinal)))
            {
                // Objects of the archive bucket (S3 object ARNs name a key pattern); nothing else in S3.
                Assert.All(s.Resources, r => Assert.True(r == BucketArn() || r == BucketArn() + "/*", r));
            }
            else
            {
                Assert.All(s.Resources, r => Assert.DoesNotContain("*", r, StringComparison.Ordinal));
            }
        });
    }

    [Fact]
    public void NoRoleGetsAManagedPolicy()
    {
        Assert.All(_stack.OfType("AWS::IAM::Role"), r => Assert.Null(r.Properties["ManagedPolicyArns"]));
    }

    [Fact]
    public void TaskExecutionRolesPullOnlyTheirServicesImagesAndReadOnlyTheirSecrets()
    {
        foreach (var service in new[] { "scorer", "writer", "queryapi" })
        {
            var task = _stack.TaskDefinition("logpipeline/" + service);
            var statements = _stack.Statements(SynthesizedStack.RoleId(task["ExecutionRoleArn"]));
            var repositories = statements.Where(s => s.Actions.Contains("ecr:BatchGetImage")).SelectMany(s => s.Resources).Select(r => r.Split(":repository/")[1]).Order();
            string[] expected = ["logpipeline/" + service, "logpipeline/topics"];

            Assert.Equal(expected.Order(), repositories);
            var secrets = statements.Where(s => s.Actions.Contains("secretsmanager:GetSecretValue")).SelectMany(s => s.Resources).ToList();
            Assert.Equal(service == "queryapi" ? 2 : 0, secrets.Count);
        }
    }

    List<string> TaskRoleStatements(string service)
    {
        var role = SynthesizedStack.RoleId(_stack.TaskDefinition("logpipeline/" + service)["TaskRoleArn"]);
        return _stack.Statements(role)
            .Select(s => $"{s.Sid}: {string.Join(", ", s.Actions.Order(StringComparer.Ordinal))} -> {string.Join(" | ", s.Resources)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    string TableArn(string name) =>
        "{" + _stack.OfType("AWS::DynamoDB::Table").Single(t => (string?)t.Properties["TableName"] == name).Id + ".Arn}";

    string BucketArn() => "{" + _stack.OfType("AWS::S3::Bucket").Single().Id + ".Arn}";

    string KeyArn() => "{" + _stack.OfType("AWS::KMS::Key").Single().Id + ".Arn}";
}

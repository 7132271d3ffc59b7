using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Sagemaker;
using Constructs;

namespace LogPipeline.Deploy.Model;

/// <summary>
/// The SageMaker model, endpoint configuration and endpoint the scorer calls with InvokeEndpoint, auto-scaled on
/// invocations per instance (1..10 instances by default, as in the source articles). The model is the RcfEndpoint
/// service's image — SageMaker's container contract: <c>docker run image serve</c>, <c>GET /ping</c> and
/// <c>POST /invocations</c> on port 8080 — or, as an option, a model trained with SageMaker's built-in RCF.
/// </summary>
public sealed class RcfEndpoint : Construct
{
    public const string VariantName = "AllTraffic";

    public RcfEndpoint(Construct scope, string id, DeploymentSettings settings, RetentionDays logRetention)
        : base(scope, id)
    {
        EndpointName = settings.EndpointName;
        Role = new Role(this, "ExecutionRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com"),
            Description = $"SageMaker execution role of the {EndpointName} model",
        });

        // SageMaker writes the container's output here; declared to give it a retention.
        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = $"/aws/sagemaker/Endpoints/{EndpointName}",
            Retention = logRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EndpointLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resources = [LogGroup.LogGroupArn],
        }));

        var container = settings.RcfModel == RcfModelSource.Container ? ContainerModel(settings) : BuiltInModel(settings);
        var model = new CfnModel(this, "Model", new CfnModelProps
        {
            ExecutionRoleArn = Role.RoleArn,
            PrimaryContainer = container,
        });
        // SageMaker checks the role's access to the image and artifact when the model is created.
        model.Node.AddDependency(Role);

        var config = new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps
        {
            ProductionVariants = new object[]
            {
                new CfnEndpointConfig.ProductionVariantProperty
                {
                    VariantName = VariantName,
                    ModelName = model.AttrModelName,
                    InstanceType = settings.EndpointInstanceType,
                    InitialInstanceCount = settings.EndpointMinInstances,
                    InitialVariantWeight = 1,
                },
            },
        });

        Endpoint = new CfnEndpoint(this, "Endpoint", new CfnEndpointProps
        {
            EndpointName = EndpointName,
            EndpointConfigName = config.AttrEndpointConfigName,
        });
        Endpoint.Node.AddDependency(LogGroup);

        // The articles register "endpoint/rcf-anomaly-endpoint"; Application Auto Scaling scales a variant.
        Scaling = new ScalableTarget(this, "Scaling", new ScalableTargetProps
        {
            ServiceNamespace = ServiceNamespace.SAGEMAKER,
            ResourceId = $"endpoint/{EndpointName}/variant/{VariantName}",
            ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
            MinCapacity = settings.EndpointMinInstances,
            MaxCapacity = settings.EndpointMaxInstances,
            // The service-linked role Application Auto Scaling creates for SageMaker variants, not a role of ours.
            Role = Amazon.CDK.AWS.IAM.Role.FromRoleArn(this, "ScalingRole", Stack.Of(this).FormatArn(new ArnComponents
            {
                Service = "iam",
                Region = string.Empty,
                Resource = "role",
                ResourceName = "aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint",
            })),
        });
        Scaling.Node.AddDependency(Endpoint);
        Scaling.ScaleToTrackMetric("InvocationsPerInstance", new BasicTargetTrackingScalingPolicyProps
        {
            PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
            TargetValue = settings.InvocationsPerInstance,
            ScaleOutCooldown = Duration.Minutes(1),
            ScaleInCooldown = Duration.Minutes(5),
        });
    }

    public string EndpointName { get; }

    /// <summary><c>arn:aws:sagemaker:{region}:{account}:endpoint/{name}</c> (SageMaker lower-cases names in ARNs).</summary>
    public string EndpointArn => Stack.Of(this).FormatArn(new ArnComponents
    {
        Service = "sagemaker",
        Resource = "endpoint",
        ResourceName = EndpointName.ToLowerInvariant(),
        ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
    });

    public Role Role { get; }

    public LogGroup LogGroup { get; }

    public CfnEndpoint Endpoint { get; }

    public ScalableTarget Scaling { get; }

    private CfnModel.ContainerDefinitionProperty ContainerModel(DeploymentSettings settings)
    {
        var repository = Repository.FromRepositoryName(this, "Repository", ServiceImages.Repository(settings.RepositoryPrefix, ServiceImages.RcfEndpoint));
        repository.GrantPull(Role);
        return new CfnModel.ContainerDefinitionProperty
        {
            Image = repository.RepositoryUriForTag(settings.ImageTag),
            Environment = new Dictionary<string, object>
            {
                // No Pipeline__Rcf__Models__*: the container serves its built-in default model (RcfOptions.DefaultModel,
                // with AWS's streaming time decay), the one the endpoint serves locally, at /invocations.
                ["Pipeline__Rcf__VariantName"] = VariantName,
                ["Pipeline__Rcf__AccountId"] = Aws.ACCOUNT_ID,
                ["Logging__Console__FormatterName"] = "json",
            },
        };
    }

    private CfnModel.ContainerDefinitionProperty BuiltInModel(DeploymentSettings settings)
    {
        var location = new Uri(settings.BuiltInModelDataUrl!);
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ModelArtifact",
            Actions = ["s3:GetObject"],
            Resources = [$"arn:{Aws.PARTITION}:s3:::{location.Host}{location.AbsolutePath}"],
        }));
        return new CfnModel.ContainerDefinitionProperty
        {
            Image = settings.BuiltInImage ?? BuiltInRcfImages.ImageFor(this),
            ModelDataUrl = settings.BuiltInModelDataUrl,
        };
    }
}

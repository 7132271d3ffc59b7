using Amazon.CDK;
using Constructs;

namespace LogPipeline.Deploy.Model;

/// <summary>
/// Where SageMaker's built-in Random Cut Forest image lives in each region (the algorithm registries of
/// https://docs.aws.amazon.com/sagemaker/latest/dg/ecr-paths/sagemaker-algo-docker-registry-paths.html), as a
/// CloudFormation mapping so that an environment-agnostic template picks the deploy region's registry.
/// Other regions: set the context value <c>builtInImage</c>.
/// </summary>
public static class BuiltInRcfImages
{
    public const string Repository = "randomcutforest";
    public const string Tag = "1";

    public static readonly IReadOnlyDictionary<string, string> RegistryAccounts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-east-1"] = "382416733822",
        ["us-east-2"] = "404615174143",
        ["us-west-1"] = "632365934929",
        ["us-west-2"] = "174872318107",
        ["ca-central-1"] = "469771592824",
        ["eu-central-1"] = "664544806723",
        ["eu-north-1"] = "669576153137",
        ["eu-west-1"] = "438346466558",
        ["eu-west-2"] = "644912444149",
        ["eu-west-3"] = "749696950732",
        ["ap-northeast-1"] = "351501993468",
        ["ap-northeast-2"] = "835164637446",
        ["ap-south-1"] = "991648021394",
        ["ap-southeast-1"] = "475088953585",
        ["ap-southeast-2"] = "712309505854",
        ["sa-east-1"] = "855470959533",
    };

    /// <summary>The image URI for the stack's region: <c>{account}.dkr.ecr.{region}.amazonaws.com/randomcutforest:1</c>.</summary>
    public static string ImageFor(Construct scope)
    {
        var mapping = new CfnMapping(scope, "BuiltInRcfImage", new CfnMappingProps
        {
            Mapping = RegistryAccounts.ToDictionary(
                r => r.Key,
                r => (IDictionary<string, object>)new Dictionary<string, object> { ["Image"] = $"{r.Value}.dkr.ecr.{r.Key}.amazonaws.com/{Repository}:{Tag}" }),
        });
        return mapping.FindInMap(Aws.REGION, "Image");
    }
}

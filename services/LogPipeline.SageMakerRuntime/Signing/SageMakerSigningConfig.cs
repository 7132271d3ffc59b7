using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace LogPipeline.SageMakerRuntime.Signing;

/// <summary>
/// The client configuration AWSSDK.Core's signer and credential chain read: service signing name and region.
/// It stands in for <c>AmazonSageMakerRuntimeConfig</c>, whose package cannot be restored here.
/// </summary>
sealed class SageMakerSigningConfig : ClientConfig
{
    public SageMakerSigningConfig(string region)
        : base(new DefaultConfigurationProvider(AllModes()))
    {
        AuthenticationServiceName = SageMakerRuntimeEndpoint.SigningService;
        AuthenticationRegion = region;
    }

    public override string RegionEndpointServiceName => "runtime.sagemaker";

    public override string ServiceVersion => "2017-05-13";

    public override string UserAgent => "LogPipeline.SageMakerRuntime";

    // Endpoint rules are not needed: the base address is resolved by SageMakerRuntimeEndpoint and the signing name is fixed.
    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        throw new NotSupportedException("The SageMaker runtime endpoint is resolved by SageMakerRuntimeEndpoint.");

    private static IDefaultConfiguration[] AllModes()
    {
        var modes = Enum.GetValues<DefaultConfigurationMode>();
        var configurations = new IDefaultConfiguration[modes.Length];
        for (var i = 0; i < modes.Length; i++)
        {
            configurations[i] = new DefaultConfiguration { Name = modes[i], RetryMode = RequestRetryMode.Standard };
        }

        return configurations;
    }
}

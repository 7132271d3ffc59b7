using LogPipeline.SageMakerRuntime;
using LogPipeline.SageMakerRuntime.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class SageMakerRuntimeHostingExtensions
{
    /// <summary>
    /// Registers <see cref="SageMakerRuntimeClient"/> as a typed HttpClient. Its endpoint comes from
    /// <c>AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME</c> or <c>AWS_REGION</c>, its credentials from a registered
    /// <see cref="Amazon.Runtime.AWSCredentials"/> or the default AWS chain, its timeout from <c>Pipeline:SageMaker:Timeout</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSageMakerRuntimeClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SageMakerRuntimeOptions>()
            .BindConfiguration(SageMakerRuntimeOptions.SectionName)
            .Validate(static o => o.Timeout > TimeSpan.Zero, $"{SageMakerRuntimeOptions.SectionName}:Timeout must be positive.");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(static sp => SageMakerRuntimeEndpoint.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        builder.Services.TryAddSingleton<AwsCredentialsSource>();
        builder.Services.TryAddSingleton<SageMakerRequestSigner>();
        builder.Services.AddHttpClient<SageMakerRuntimeClient>(static (sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<SageMakerRuntimeEndpoint>().BaseAddress;
            http.Timeout = sp.GetRequiredService<IOptions<SageMakerRuntimeOptions>>().Value.Timeout;
        });
        return builder;
    }
}

using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogPipeline.SageMakerRuntime.Tests;

/// <summary>Builds the client exactly as a service does (<c>AddSageMakerRuntimeClient</c>), from given settings only.</summary>
public static class TestClients
{
    public const string Region = "eu-west-1";
    public const string AccessKey = "AKIDEXAMPLE";

    public static BasicAWSCredentials Credentials { get; } = new(AccessKey, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    public static IHost CreateHost(IDictionary<string, string?> configuration, AWSCredentials? credentials)
    {
        // No defaults: the machine's own AWS_* environment variables must not leak into a test.
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        if (credentials is not null)
        {
            builder.Services.AddSingleton(credentials);
        }

        builder.AddSageMakerRuntimeClient();
        return builder.Build();
    }

    public static IHost CreateHost(Uri endpointUrl, AWSCredentials? credentials) => CreateHost(
        new Dictionary<string, string?>
        {
            [SageMakerRuntimeEndpoint.EndpointUrlKey] = endpointUrl.ToString(),
            [SageMakerRuntimeEndpoint.RegionKey] = Region,
            ["Pipeline:SageMaker:Timeout"] = "00:00:10",
        },
        credentials);

    public static SageMakerRuntimeClient Client(this IHost host) => host.Services.GetRequiredService<SageMakerRuntimeClient>();
}

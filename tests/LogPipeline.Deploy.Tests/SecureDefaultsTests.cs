using Amazon.CDK;
using LogPipeline.Deploy.Tests.Infrastructure;
using LogPipeline.QueryApi;
using LogPipeline.RcfEndpoint.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace LogPipeline.Deploy.Tests;

/// <summary>
/// What a deployment exposes and runs, checked on the synthesized templates and, for the services' settings, with the
/// services' own option types: TLS for anything public, no API documentation, an API key, immutable image tags, and
/// the same RCF model as the local default.
/// </summary>
[Collection(CdkCollection.Name)]
public class SecureDefaultsTests(DefaultDeployment defaults, AlternativeDeployment alternative)
{
    [Fact]
    public void AnInternetFacingLoadBalancerListensOnlyWithTlsOrToRedirectToIt()
    {
        foreach (var stack in new[] { defaults.Pipeline, alternative.Pipeline })
        {
            var balancers = stack.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer").ToList();
            foreach (var listener in stack.OfType("AWS::ElasticLoadBalancingV2::Listener"))
            {
                var balancer = balancers.Single(b => b.Id == (string?)listener.Properties["LoadBalancerArn"]!["Ref"]);
                if ((string?)balancer.Properties["Scheme"] != "internet-facing")
                {
                    continue;
                }

                var redirectsOnly = listener.Properties["DefaultActions"]!.AsArray().All(a => (string?)a!["Type"] == "redirect");
                Assert.True((string?)listener.Properties["Protocol"] == "HTTPS" || redirectsOnly, listener.Properties.ToJsonString());
            }
        }

        Assert.Equal("internal", (string?)defaults.Pipeline.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer").Single().Properties["Scheme"]);
        Assert.Equal("internet-facing", (string?)alternative.Pipeline.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer").Single().Properties["Scheme"]);
    }

    [Fact]
    public void WithoutACertificateTheLoadBalancerAcceptsOnlyTheVpcsAddresses()
    {
        var stack = defaults.Pipeline;
        var balancer = stack.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer").Single().Properties;
        var groups = balancer["SecurityGroups"]!.AsArray().Select(g => (string)g!["Fn::GetAtt"]![0]!).ToList();

        var ingress = groups.SelectMany(g => stack.Resource(g)["Properties"]!["SecurityGroupIngress"]?.AsArray() ?? []).ToList();

        var rule = Assert.Single(ingress);
        Assert.Equal(80, (int?)rule!["FromPort"]);
        Assert.Equal("{Vpc8378EB38.CidrBlock}", Cfn.Render(rule["CidrIp"]));
        Assert.DoesNotContain(stack.OfType("AWS::EC2::SecurityGroupIngress"), i => (string?)i.Properties["CidrIp"] == "0.0.0.0/0");
    }

    [Fact]
    public void AnInternetFacingLoadBalancerWithoutACertificateIsRefused()
    {
        var settings = new DeploymentSettings { ImageTag = DefaultDeployment.ImageTag, InternetFacing = true };

        Assert.Equal(ContextKeys.CertificateArn, Assert.Throws<ArgumentException>(settings.Validate).ParamName);
        Assert.True(new DeploymentSettings { ImageTag = "x", CertificateArn = "arn:aws:acm:eu-west-1:111122223333:certificate/0" }.IsInternetFacing);
        Assert.False(new DeploymentSettings { ImageTag = "x", CertificateArn = "arn:aws:acm:eu-west-1:111122223333:certificate/0", InternetFacing = false }.IsInternetFacing);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("latest")]
    [InlineData("Latest")]
    [InlineData(" ")]
    public void TheDeploymentNeedsAnExplicitImmutableImageTag(string? tag)
    {
        var context = new Dictionary<string, object>();
        if (tag is not null)
        {
            context[ContextKeys.ImageTag] = tag;
        }

        var error = Assert.Throws<ArgumentException>(() => DeploymentSettings.FromContext(new App(new AppProps { Context = context }).Node));

        Assert.Equal(ContextKeys.ImageTag, error.ParamName);
    }

    [Fact]
    public void EveryImageIsTheGivenTag()
    {
        var stack = defaults.Pipeline;
        var images = stack.OfType("AWS::ECS::TaskDefinition")
            .SelectMany(t => t.Properties["ContainerDefinitions"]!.AsArray())
            .Select(c => Cfn.Render(c!["Image"]))
            .Append(Cfn.Render(stack.OfType("AWS::SageMaker::Model").Single().Properties["PrimaryContainer"]!["Image"]))
            .ToList();

        // scorer, writer, queryapi and archiver (app and topic initializer), and the SageMaker model.
        Assert.Equal(9, images.Count);
        Assert.All(images, i => Assert.EndsWith(":" + DefaultDeployment.ImageTag, i, StringComparison.Ordinal));
        Assert.DoesNotContain(":latest", stack.Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDeployedQueryApiRequiresAKeyAndServesNoSwaggerOrOpenApiDocument()
    {
        var environment = SynthesizedStack.Environment(defaults.Pipeline.Container(defaults.Pipeline.TaskDefinition("logpipeline/queryapi"), "app"));
        var options = Bind<QueryApiOptions>(environment, QueryApiOptions.SectionName);
        var host = new Environment(environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? environment.GetValueOrDefault("DOTNET_ENVIRONMENT") ?? Environments.Production);

        Assert.Equal(Environments.Production, host.EnvironmentName);
        Assert.False(options.ServesDocumentation(host));
        Assert.True(options.ApiKeysRequired(host));
    }

    [Fact]
    public void TheDeployedRcfModelIsTheLocalDefaultWithItsTimeDecay()
    {
        var environment = defaults.Pipeline.OfType("AWS::SageMaker::Model").Single().Properties["PrimaryContainer"]!["Environment"]!.AsObject()
            .ToDictionary(e => e.Key, e => Cfn.Render(e.Value));
        var options = Bind<RcfOptions>(environment, RcfOptions.SectionName);

        var model = Assert.Single(options.ModelsOrDefault()).Value;

        Assert.Equal(RcfOptions.DefaultModel, model);
        Assert.True(model.TimeDecay > 0);
        Assert.Equal(RcfModelMode.Streaming, model.Mode);
    }

    /// <summary>The section as the service binds it from its environment variables.</summary>
    static T Bind<T>(IReadOnlyDictionary<string, string> environment, string section)
        where T : new()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "LogPipeline";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

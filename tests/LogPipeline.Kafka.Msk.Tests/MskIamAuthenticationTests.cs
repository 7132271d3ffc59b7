using Confluent.Kafka;
using LogPipeline.Kafka.Msk;
using Microsoft.Extensions.Configuration;

namespace LogPipeline.Kafka.Msk.Tests;

public class MskIamAuthenticationTests
{
    [Fact]
    public void IamAuthIsOffUnlessConfigured()
    {
        Assert.False(MskIamAuthentication.IsEnabled(Configuration()));
        Assert.False(MskIamAuthentication.IsEnabled(Configuration(("Pipeline:Kafka:MskIamAuth", "false"))));
        Assert.True(MskIamAuthentication.IsEnabled(Configuration(("Pipeline:Kafka:MskIamAuth", "true"))));
    }

    [Fact]
    public void ConfigureTurnsOnTlsAndOAuthBearer()
    {
        var config = new ProducerConfig();

        MskIamAuthentication.Configure(config);

        Assert.Equal(SecurityProtocol.SaslSsl, config.SecurityProtocol);
        Assert.Equal(SaslMechanism.OAuthBearer, config.SaslMechanism);
    }

    [Fact]
    public void ConfigureKeepsMatchingExplicitSettings()
    {
        var config = new ConsumerConfig { SecurityProtocol = SecurityProtocol.SaslSsl, SaslMechanism = SaslMechanism.OAuthBearer };

        MskIamAuthentication.Configure(config);

        Assert.Equal(SecurityProtocol.SaslSsl, config.SecurityProtocol);
    }

    [Fact]
    public void ConfigureRefusesPlaintextBecauseTheIamListenerIsTlsOnly()
    {
        var config = new ProducerConfig { SecurityProtocol = SecurityProtocol.Plaintext };

        var error = Assert.Throws<InvalidOperationException>(() => MskIamAuthentication.Configure(config));
        Assert.Contains("SASL_SSL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureRefusesAnotherSaslMechanism()
    {
        var config = new ProducerConfig { SaslMechanism = SaslMechanism.ScramSha512 };

        Assert.Throws<InvalidOperationException>(() => MskIamAuthentication.Configure(config));
    }

    [Fact]
    public void RegionComesFromAwsRegionThenAwsDefaultRegion()
    {
        Assert.Equal("eu-west-1", MskIamAuthentication.GetRegion(Configuration(("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "us-east-1"))));
        Assert.Equal("us-east-1", MskIamAuthentication.GetRegion(Configuration(("AWS_DEFAULT_REGION", "us-east-1"))));
    }

    [Fact]
    public void MissingRegionIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MskIamAuthentication.GetRegion(Configuration()));

        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    internal static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}

using Confluent.Kafka;
using Microsoft.Extensions.Configuration;

namespace LogPipeline.Kafka.Msk;

/// <summary>
/// Amazon MSK IAM access control for the Kafka clients, switched on by configuration only:
/// <c>Pipeline:Kafka:MskIamAuth=true</c> plus <c>AWS_REGION</c> (or <c>AWS_DEFAULT_REGION</c>). The clients then use
/// TLS with SASL/OAUTHBEARER (port 9098) and sign a token with the default AWS credential chain. Unset, nothing changes.
/// </summary>
public static class MskIamAuthentication
{
    public const string EnabledKey = "Pipeline:Kafka:MskIamAuth";
    public const string RegionKey = "AWS_REGION";
    public const string DefaultRegionKey = "AWS_DEFAULT_REGION";

    public static bool IsEnabled(IConfiguration configuration) =>
        bool.TryParse(configuration[EnabledKey], out var enabled) && enabled;

    /// <summary>The region of the cluster: <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>.</summary>
    public static string GetRegion(IConfiguration configuration) =>
        FirstNonEmpty(configuration[RegionKey], configuration[DefaultRegionKey])
        ?? throw new InvalidOperationException($"{EnabledKey} is true but no region is configured: set {RegionKey} to the region of the MSK cluster.");

    /// <summary>
    /// Sets <c>security.protocol=SASL_SSL</c> and <c>sasl.mechanism=OAUTHBEARER</c>, keeping equal explicit settings
    /// and refusing conflicting ones (plaintext to MSK's IAM listener cannot work).
    /// </summary>
    public static void Configure(ClientConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.SecurityProtocol is { } protocol && protocol != SecurityProtocol.SaslSsl)
        {
            throw new InvalidOperationException($"{EnabledKey} needs security.protocol SASL_SSL, but {protocol} is configured.");
        }

        if (config.SaslMechanism is { } mechanism && mechanism != SaslMechanism.OAuthBearer)
        {
            throw new InvalidOperationException($"{EnabledKey} needs sasl.mechanism OAUTHBEARER, but {mechanism} is configured.");
        }

        config.SecurityProtocol = SecurityProtocol.SaslSsl;
        config.SaslMechanism = SaslMechanism.OAuthBearer;
    }

    private static string? FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first.Trim() : !string.IsNullOrWhiteSpace(second) ? second.Trim() : null;
}

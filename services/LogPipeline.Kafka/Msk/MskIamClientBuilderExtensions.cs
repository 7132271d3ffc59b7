using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Kafka.Msk;

/// <summary>
/// Attaches MSK IAM authentication to a client builder when <see cref="MskIamAuthentication.IsEnabled"/>; otherwise
/// returns the builder unchanged. Call before <c>Build()</c>: <paramref name="config"/> (the one the builder was
/// created with) gets the SASL settings, which the builder reads when it builds.
/// </summary>
public static class MskIamClientBuilderExtensions
{
    public static ProducerBuilder<TKey, TValue> UseMskIamAuthentication<TKey, TValue>(
        this ProducerBuilder<TKey, TValue> builder, ClientConfig config, IConfiguration configuration, ILogger logger) =>
        CreateHandler(config, configuration, logger) is { } handler ? builder.SetOAuthBearerTokenRefreshHandler(handler.Refresh) : builder;

    public static ConsumerBuilder<TKey, TValue> UseMskIamAuthentication<TKey, TValue>(
        this ConsumerBuilder<TKey, TValue> builder, ClientConfig config, IConfiguration configuration, ILogger logger) =>
        CreateHandler(config, configuration, logger) is { } handler ? builder.SetOAuthBearerTokenRefreshHandler(handler.Refresh) : builder;

    public static AdminClientBuilder UseMskIamAuthentication(
        this AdminClientBuilder builder, ClientConfig config, IConfiguration configuration, ILogger logger) =>
        CreateHandler(config, configuration, logger) is { } handler ? builder.SetOAuthBearerTokenRefreshHandler(handler.Refresh) : builder;

    private static MskIamTokenRefreshHandler? CreateHandler(ClientConfig config, IConfiguration configuration, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(logger);
        if (!MskIamAuthentication.IsEnabled(configuration))
        {
            return null;
        }

        MskIamAuthentication.Configure(config);
        return new MskIamTokenRefreshHandler(new MskIamTokenProvider(MskIamAuthentication.GetRegion(configuration)), logger);
    }
}

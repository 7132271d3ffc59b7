using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Kafka.Msk;

/// <summary>
/// librdkafka's OAUTHBEARER refresh callback: hands it a fresh MSK IAM token when the client starts and again at
/// 80% of the token's lifetime. A failure is reported to librdkafka, which calls again 10 seconds later.
/// </summary>
public sealed partial class MskIamTokenRefreshHandler(MskIamTokenProvider provider, ILogger logger)
{
    /// <summary>The principal librdkafka records with the token; MSK identifies the caller by the signature.</summary>
    public const string Principal = "msk-iam";

    public void Refresh(IClient client, string oauthBearerConfig)
    {
        MskIamToken token;
        try
        {
            token = provider.GetToken();
        }
        catch (Exception ex)
        {
            // Any failure (no credentials, metadata endpoint down) must reach librdkafka, never escape into native code.
            LogRefreshFailed(logger, ex, provider.Region);
            client.OAuthBearerSetTokenFailure($"Could not create an MSK IAM token: {ex.GetType().Name}: {ex.Message}");
            return;
        }

        client.OAuthBearerSetToken(token.Value, token.ExpiresAtUnixMilliseconds, Principal);
        LogRefreshed(logger, provider.Region, token.ExpiresAt);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MSK IAM token for {Region} refreshed; it expires at {ExpiresAt:O}")]
    static partial void LogRefreshed(ILogger logger, string region, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not create an MSK IAM token for {Region}; librdkafka retries in 10 s")]
    static partial void LogRefreshFailed(ILogger logger, Exception exception, string region);
}

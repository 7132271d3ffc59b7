namespace LogPipeline.Kafka.Msk;

/// <summary>An MSK IAM authentication token: the base64url form of a SigV4-presigned <c>kafka-cluster:Connect</c> URL.</summary>
public readonly record struct MskIamToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>The expiry as librdkafka wants it (<c>OAuthBearerSetToken</c>'s lifetime): Unix epoch milliseconds.</summary>
    public long ExpiresAtUnixMilliseconds => ExpiresAt.ToUnixTimeMilliseconds();

    /// <summary>The token without its signature, for logs.</summary>
    public override string ToString() => $"MskIamToken(expires {ExpiresAt:O})";
}

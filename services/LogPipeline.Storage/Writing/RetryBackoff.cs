using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace LogPipeline.Storage.Writing;

/// <summary>Capped exponential backoff with full jitter, as AWS recommends for unprocessed items and throttling.</summary>
static class RetryBackoff
{
    static readonly TimeSpan Base = TimeSpan.FromMilliseconds(50);
    static readonly TimeSpan Cap = TimeSpan.FromSeconds(5);

    public static TimeSpan Delay(int attempt)
    {
        var ceiling = Math.Min(Cap.TotalMilliseconds, Base.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    public static bool IsThrottling(Exception exception) => exception switch
    {
        ProvisionedThroughputExceededException or RequestLimitExceededException => true,
        AmazonServiceException { ErrorCode: "ThrottlingException" or "Throttling" } => true,
        AmazonServiceException { StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError } => true,
        _ => false,
    };
}

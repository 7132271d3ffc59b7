using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using Confluent.Kafka;
using LogPipeline.SageMakerRuntime;

namespace LogPipeline.Kafka;

/// <summary>
/// The one place that decides whether a batch failure is the outside world's (retry until it passes) or a record's
/// (narrow the batch down and dead-letter the record). Every stage's dependencies are named here: Kafka, the
/// SageMaker runtime protocol, AWS services (DynamoDB) by their error codes, and the .NET exceptions that bad data
/// raises.
/// </summary>
public static class FailureClassifier
{
    static readonly HashSet<string> PermanentAwsErrorCodes = new(StringComparer.Ordinal)
    {
        "ValidationException",
        "ItemCollectionSizeLimitExceededException",
        "SerializationException",
    };

    public static FailureKind Classify(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Classify(aggregate.InnerExceptions[0]),
        KafkaException kafka => Classify(kafka.Error.Code),
        SageMakerRuntimeException sageMaker => sageMaker.IsRetryable ? FailureKind.Transient : FailureKind.Permanent,
        AmazonServiceException aws => Classify(aws),
        AmazonClientException => FailureKind.Transient,
        HttpRequestException or TimeoutException or IOException or SocketException or OperationCanceledException => FailureKind.Transient,
        JsonException or FormatException or ArgumentException or OverflowException or InvalidCastException or NotSupportedException => FailureKind.Permanent,
        _ => FailureKind.Unknown,
    };

    static FailureKind Classify(ErrorCode code) => code switch
    {
        ErrorCode.MsgSizeTooLarge or ErrorCode.InvalidMsg or ErrorCode.InvalidRecord
            or ErrorCode.Local_BadMsg or ErrorCode.InvalidMsgSize => FailureKind.Permanent,
        _ => FailureKind.Transient,
    };

    static FailureKind Classify(AmazonServiceException exception)
    {
        if (exception.ErrorCode is { } code && PermanentAwsErrorCodes.Contains(code))
        {
            return FailureKind.Permanent;
        }

        // A transaction cancelled because one of its items is invalid names ValidationError among its reasons.
        if (exception.ErrorCode == "TransactionCanceledException" && exception.Message.Contains("ValidationError", StringComparison.Ordinal))
        {
            return FailureKind.Permanent;
        }

        // Throttling, conflicts, 5xx, and also missing tables or credentials: the service or its set-up, not a record.
        return exception.StatusCode is HttpStatusCode.BadRequest && exception.ErrorCode is null ? FailureKind.Unknown : FailureKind.Transient;
    }
}

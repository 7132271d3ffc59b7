using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.Runtime;
using Confluent.Kafka;
using LogPipeline.Kafka;
using LogPipeline.SageMakerRuntime;

namespace LogPipeline.Pipeline.Tests.Kafka;

public class FailureClassifierTests
{
    public static TheoryData<string, Exception> Transient => new()
    {
        { "broker unreachable", new KafkaException(ErrorCode.Local_Transport) },
        { "produce timed out", new KafkaException(ErrorCode.Local_MsgTimedOut) },
        { "endpoint refused the connection", new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)) },
        { "endpoint timed out", new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()) },
        { "endpoint unavailable", new SageMakerRuntimeException(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "down") },
        { "endpoint throttling", new SageMakerRuntimeException(HttpStatusCode.TooManyRequests, "ThrottlingException", "slow down") },
        { "DynamoDB throttling", new AmazonServiceException("Rate exceeded", ErrorType.Sender, "ProvisionedThroughputExceededException", "r1", HttpStatusCode.BadRequest) },
        { "DynamoDB outage", new AmazonServiceException("Internal error", ErrorType.Receiver, "InternalServerError", "r2", HttpStatusCode.InternalServerError) },
        { "DynamoDB unreachable", new AmazonClientException("Unable to connect") },
    };

    public static TheoryData<string, Exception> Permanent => new()
    {
        { "out-of-range timestamp", new ArgumentOutOfRangeException("milliseconds", "Valid values are between -62135596800000 and 253402300799999, inclusive.") },
        { "DynamoDB validation", new AmazonServiceException("Item size has exceeded the maximum allowed size", ErrorType.Sender, "ValidationException", "r3", HttpStatusCode.BadRequest) },
        { "transaction with an invalid item", new AmazonServiceException("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]", ErrorType.Sender, "TransactionCanceledException", "r4", HttpStatusCode.BadRequest) },
        { "item collection too large", new AmazonServiceException("Collection size exceeded", ErrorType.Sender, "ItemCollectionSizeLimitExceededException", "r5", HttpStatusCode.BadRequest) },
        { "serialization", new JsonException("'0xDC00' is invalid") },
        { "invalid text", new ArgumentException("Cannot write invalid UTF-16 text") },
        { "message too large for the broker", new KafkaException(ErrorCode.MsgSizeTooLarge) },
        { "endpoint rejects the input", new SageMakerRuntimeException(HttpStatusCode.BadRequest, "ValidationError", "bad features") },
        { "arithmetic overflow", new OverflowException() },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void OutagesAndThrottlingAreTransient(string situation, Exception exception) =>
        Assert.True(FailureClassifier.Classify(exception) == FailureKind.Transient, situation);

    [Theory]
    [MemberData(nameof(Permanent))]
    public void ValidationSizeRangeAndSerializationErrorsArePermanent(string situation, Exception exception) =>
        Assert.True(FailureClassifier.Classify(exception) == FailureKind.Permanent, situation);

    [Fact]
    public void AnythingElseIsUnknownAndIsolatedOnlyIfItPersists() =>
        Assert.Equal(FailureKind.Unknown, FailureClassifier.Classify(new InvalidOperationException("something odd")));

    [Fact]
    public void AnAggregateIsClassifiedByItsFirstInnerException() =>
        Assert.Equal(FailureKind.Permanent, FailureClassifier.Classify(new AggregateException(new FormatException(), new IOException())));
}

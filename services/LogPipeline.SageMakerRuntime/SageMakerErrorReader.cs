using System.Text;
using System.Text.Json;

namespace LogPipeline.SageMakerRuntime;

/// <summary>
/// Turns an error answer into a <see cref="SageMakerRuntimeException"/> the way AWS SDKs read the REST-JSON protocol:
/// the type from <c>x-amzn-ErrorType</c> (before its colon) or the body's <c>__type</c> (after its '#'), the message
/// from <c>message</c> or <c>Message</c>, plus <c>ModelError</c>'s <c>ErrorCode</c>, <c>OriginalStatusCode</c> and
/// <c>OriginalMessage</c>.
/// </summary>
static class SageMakerErrorReader
{
    public const string ErrorTypeHeader = "x-amzn-ErrorType";
    public const string RequestIdHeader = "x-amzn-RequestId";
    private const int MaxTextMessageLength = 1024;

    public static async Task<SageMakerRuntimeException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var fields = ReadFields(body);
        var errorType = TypeFromHeader(response) ?? fields.Type;
        var message = fields.Message ?? TextOf(body) ?? response.ReasonPhrase ?? $"HTTP {(int)response.StatusCode}";
        return new SageMakerRuntimeException(response.StatusCode, errorType, message)
        {
            RequestId = HeaderValue(response, RequestIdHeader),
            ErrorCode = fields.ErrorCode,
            OriginalStatusCode = fields.OriginalStatusCode,
            OriginalMessage = fields.OriginalMessage,
        };
    }

    private static ErrorFields ReadFields(byte[] body)
    {
        var fields = new ErrorFields();
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return fields;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "message" or "Message" when reader.TokenType == JsonTokenType.String:
                        fields.Message = reader.GetString();
                        break;
                    case "__type" or "code" or "Code" when reader.TokenType == JsonTokenType.String:
                        fields.Type ??= TrimType(reader.GetString());
                        break;
                    case "ErrorCode" when reader.TokenType == JsonTokenType.String:
                        fields.ErrorCode = reader.GetString();
                        break;
                    case "OriginalStatusCode" when reader.TokenType == JsonTokenType.Number:
                        fields.OriginalStatusCode = reader.GetInt32();
                        break;
                    case "OriginalMessage" when reader.TokenType == JsonTokenType.String:
                        fields.OriginalMessage = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, a plain-text error): the text itself becomes the message.
        }

        return fields;
    }

    private static string? TypeFromHeader(HttpResponseMessage response) => TrimType(HeaderValue(response, ErrorTypeHeader));

    // "ValidationError:http://internal.amazon.com/coral/com.amazon.sagemaker/" and "com.amazon.coral.service#ThrottlingException".
    private static string? TrimType(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var colon = type.IndexOf(':');
        if (colon >= 0)
        {
            type = type[..colon];
        }

        var hash = type.LastIndexOf('#');
        return hash >= 0 ? type[(hash + 1)..] : type;
    }

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? TextOf(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxTextMessageLength)).Trim();
        return text.Length == 0 || text[0] == '{' ? null : text;
    }

    private sealed class ErrorFields
    {
        public string? Type { get; set; }

        public string? Message { get; set; }

        public string? ErrorCode { get; set; }

        public int? OriginalStatusCode { get; set; }

        public string? OriginalMessage { get; set; }
    }
}

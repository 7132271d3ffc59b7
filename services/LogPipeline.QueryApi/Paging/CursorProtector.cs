using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LogPipeline.QueryApi.Paging;

/// <summary>
/// Turns a <see cref="PageCursor"/> into an opaque, tamper-evident string: base64url(JSON ‖ HMAC-SHA256 tag).
/// A changed byte, a cursor from another deployment, or a truncated one fails verification.
/// </summary>
public sealed class CursorProtector
{
    const int TagBytes = 16;
    const int MaxCursorChars = 8192;

    readonly byte[] _key;

    public CursorProtector(IOptions<QueryApiOptions> options)
        : this(options.Value.CursorSecret is { Length: > 0 } secret ? SHA256.HashData(Encoding.UTF8.GetBytes(secret)) : RandomNumberGenerator.GetBytes(32))
    {
    }

    public CursorProtector(byte[] key) => _key = key;

    public string Protect(PageCursor cursor)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(cursor, CursorJsonContext.Default.PageCursor);
        var buffer = new byte[payload.Length + TagBytes];
        payload.CopyTo(buffer, 0);
        HMACSHA256.HashData(_key, payload).AsSpan(0, TagBytes).CopyTo(buffer.AsSpan(payload.Length));
        return Base64Url.EncodeToString(buffer);
    }

    public bool TryUnprotect(string text, [NotNullWhen(true)] out PageCursor? cursor)
    {
        cursor = null;
        if (text.Length is 0 or > MaxCursorChars || !Base64Url.IsValid(text))
        {
            return false;
        }

        var buffer = Base64Url.DecodeFromChars(text);
        if (buffer.Length <= TagBytes)
        {
            return false;
        }

        var payload = buffer.AsSpan(0, buffer.Length - TagBytes);
        Span<byte> tag = stackalloc byte[32];
        HMACSHA256.HashData(_key, payload, tag);
        if (!CryptographicOperations.FixedTimeEquals(tag[..TagBytes], buffer.AsSpan(payload.Length)))
        {
            return false;
        }

        try
        {
            cursor = JsonSerializer.Deserialize(payload, CursorJsonContext.Default.PageCursor);
            return cursor is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

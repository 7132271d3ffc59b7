using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace LogPipeline.Security;

/// <summary>
/// The configured API keys, kept only as SHA-256 hashes. A presented key is hashed and compared with every configured
/// hash in constant time, so neither the time taken nor an early exit reveals a key's length, a matching prefix or
/// which key matched.
/// </summary>
public sealed class ApiKeySet
{
    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Shortest key accepted in configuration: a key is a random secret, not a password to remember.</summary>
    public const int MinKeyLength = 16;

    const int HashBytes = SHA256.HashSizeInBytes;
    const int StackLimit = 256;

    readonly byte[][] _hashes;

    /// <summary>Blank entries (e.g. an unset <c>ApiKeys__0</c>) are ignored.</summary>
    public ApiKeySet(IEnumerable<string?> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _hashes = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k!))).ToArray();
    }

    public int Count => _hashes.Length;

    /// <summary>True when every configured (non-blank) key has at least <see cref="MinKeyLength"/> characters.</summary>
    public static bool AreLongEnough(IEnumerable<string?> keys) => keys.All(k => string.IsNullOrWhiteSpace(k) || k.Length >= MinKeyLength);

    public bool IsEmpty => _hashes.Length == 0;

    public bool Contains(string? presented) => IndexOf(presented) >= 0;

    /// <summary>The position of the configured key equal to <paramref name="presented"/>, or -1.</summary>
    public int IndexOf(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || _hashes.Length == 0)
        {
            return -1;
        }

        Span<byte> hash = stackalloc byte[HashBytes];
        var byteCount = Encoding.UTF8.GetByteCount(presented);
        byte[]? rented = null;
        Span<byte> bytes = byteCount <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(presented, bytes);
            SHA256.HashData(bytes[..written], hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        var found = -1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            // Every hash is compared, whatever matched before: the loop takes the same time for any key.
            var equal = CryptographicOperations.FixedTimeEquals(hash, _hashes[i]);
            found = equal ? i : found;
        }

        return found;
    }
}

using System.Text.RegularExpressions;

namespace LogPipeline.Hosting.ResourceList;

/// <summary>What the resource list never shows: values of keys, secrets, passwords and tokens.</summary>
static partial class SecretMasking
{
    public const string Mask = "***";

    static readonly string[] SecretWords = ["KEY", "SECRET", "PASSWORD", "TOKEN", "CREDENTIAL", "HEADERS"];

    public static bool IsSecretName(string name) =>
        SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>Masks <c>name=value</c> pairs with a secret-looking name inside a connection string.</summary>
    public static string MaskConnectionString(string connectionString) =>
        SecretPair().Replace(connectionString, m => IsSecretName(m.Groups["name"].Value) ? $"{m.Groups["name"].Value}={Mask}" : m.Value);

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_.\-]+)=(?<value>[^;,]*)")]
    private static partial Regex SecretPair();
}

using Microsoft.Extensions.Configuration;

namespace LogPipeline.SageMakerRuntime;

/// <summary>
/// Where InvokeEndpoint goes and how it is signed: <c>AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME</c> (or the global
/// <c>AWS_ENDPOINT_URL</c>) when set, as the AWS SDKs honour them, otherwise the regional endpoint of
/// <c>AWS_REGION</c> (or <c>AWS_DEFAULT_REGION</c>).
/// </summary>
public sealed record SageMakerRuntimeEndpoint(Uri BaseAddress, string SigningRegion)
{
    public const string EndpointUrlKey = "AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME";
    public const string GlobalEndpointUrlKey = "AWS_ENDPOINT_URL";
    public const string RegionKey = "AWS_REGION";
    public const string DefaultRegionKey = "AWS_DEFAULT_REGION";

    /// <summary>The signing name of the SageMaker runtime (its endpoint prefix is <c>runtime.sagemaker</c>).</summary>
    public const string SigningService = "sagemaker";

    /// <summary>Region used to sign requests to an overridden URL when no region is configured.</summary>
    public const string FallbackSigningRegion = "us-east-1";

    /// <summary>True for 127.0.0.0/8, ::1 and localhost: only there may requests go unsigned.</summary>
    public bool IsLoopback => BaseAddress.IsLoopback;

    public static SageMakerRuntimeEndpoint FromConfiguration(IConfiguration configuration)
    {
        var region = FirstNonEmpty(configuration[RegionKey], configuration[DefaultRegionKey]);
        var overrideUrl = FirstNonEmpty(configuration[EndpointUrlKey], configuration[GlobalEndpointUrlKey]);
        if (overrideUrl is not null)
        {
            if (!Uri.TryCreate(overrideUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"{EndpointUrlKey} must be an absolute http(s) URL but was '{overrideUrl}'.");
            }

            return new SageMakerRuntimeEndpoint(WithTrailingSlash(uri), region ?? FallbackSigningRegion);
        }

        if (region is null)
        {
            throw new InvalidOperationException(
                $"Set {RegionKey} (the AWS region of the SageMaker endpoint) or {EndpointUrlKey} (a local endpoint such as the RCF endpoint service).");
        }

        return ForRegion(region);
    }

    /// <summary>The public endpoint of the SageMaker runtime in <paramref name="region"/>.</summary>
    public static SageMakerRuntimeEndpoint ForRegion(string region)
    {
        var domain = region.StartsWith("cn-", StringComparison.OrdinalIgnoreCase) ? "amazonaws.com.cn" : "amazonaws.com";
        return new SageMakerRuntimeEndpoint(new Uri($"https://runtime.sagemaker.{region}.{domain}/"), region);
    }

    private static string? FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first.Trim() : !string.IsNullOrWhiteSpace(second) ? second.Trim() : null;

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}

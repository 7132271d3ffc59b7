using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace LogPipeline.SageMakerRuntime.Signing;

/// <summary>
/// AWS credentials for signing: an <see cref="AWSCredentials"/> registered in the container when there is one,
/// otherwise AWSSDK.Core's default chain (environment, profile, web identity, container and instance roles).
/// Register <see cref="AnonymousAWSCredentials"/> to send requests unsigned (allowed to loopback addresses only).
/// </summary>
public sealed class AwsCredentialsSource
{
    private static readonly TimeSpan RetryResolutionAfter = TimeSpan.FromMinutes(1);

    private readonly AWSCredentials? _registered;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _resolving = new(1, 1);
    private AWSCredentials? _resolved;
    private DateTimeOffset _nextResolutionAt;

    public AwsCredentialsSource(IEnumerable<AWSCredentials> registered, TimeProvider timeProvider)
    {
        _registered = registered.LastOrDefault();
        _timeProvider = timeProvider;
    }

    /// <summary>The current credentials, or null when there are none (or anonymous ones were registered).</summary>
    public async ValueTask<ImmutableCredentials?> GetAsync(IClientConfig clientConfig, CancellationToken cancellationToken)
    {
        var credentials = _registered ?? await ResolveAsync(clientConfig, cancellationToken);
        if (credentials is null or AnonymousAWSCredentials)
        {
            return null;
        }

        // Refreshing credentials (roles, SSO) cache and renew themselves.
        return await credentials.GetCredentialsAsync();
    }

    private async ValueTask<AWSCredentials?> ResolveAsync(IClientConfig clientConfig, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _resolved) is { } resolved)
        {
            return resolved;
        }

        await _resolving.WaitAsync(cancellationToken);
        try
        {
            if (_resolved is not null || _timeProvider.GetUtcNow() < _nextResolutionAt)
            {
                return _resolved;
            }

            try
            {
                _resolved = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(clientConfig);
            }
            catch (AmazonClientException)
            {
                // No credentials anywhere in the chain; walking it again (instance metadata included) is slow, so not on every call.
                _nextResolutionAt = _timeProvider.GetUtcNow() + RetryResolutionAfter;
            }

            return _resolved;
        }
        finally
        {
            _resolving.Release();
        }
    }
}

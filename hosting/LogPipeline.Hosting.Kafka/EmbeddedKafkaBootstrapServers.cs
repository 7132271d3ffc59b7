namespace Aspire.Hosting.ApplicationModel;

/// <summary>The embedded cluster's bootstrap list, known only once it listens (librdkafka picks free ports).</summary>
sealed class EmbeddedKafkaBootstrapServers(EmbeddedKafkaResource resource) : IValueProvider, IManifestExpressionProvider
{
    public string ValueExpression => $"{{{resource.Name}.connectionString}}";

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        await resource.BootstrapServersAsync.WaitAsync(cancellationToken).ConfigureAwait(false);
}

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Amazon's DynamoDB Local (a Java program), run with <c>-sharedDb</c> so that any credentials and region see the
/// same tables, in memory or in <see cref="DataDirectory"/>. With a <paramref name="niceness"/> other than 0 (and not
/// on Windows) it is started through <c>nice -n {niceness} java …</c>.
/// </summary>
public sealed class DynamoDBLocalResource(string name, string workingDirectory, int niceness = 0)
    : ExecutableResource(name, UsesNice(niceness) ? "nice" : "java", workingDirectory), IDynamoDBResource
{
    internal const string EndpointName = "http";

    /// <summary>
    /// The scheduling niceness DynamoDB Local runs at (-20 … 19, lower runs first; 0 is the default of every process).
    /// Negative values need root or CAP_SYS_NICE; without them <c>nice</c> warns and runs Java at the default.
    /// </summary>
    public int Niceness { get; } = niceness;

    internal static bool UsesNice(int niceness) => niceness != 0 && !OperatingSystem.IsWindows();

    /// <summary>Where the database is kept between runs; null keeps it in memory.</summary>
    public string? DataDirectory { get; set; }

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ServiceUrl => ReferenceExpression.Create($"{Endpoint.Property(EndpointProperty.Url)}");

    public bool IsLocal => true;
}

namespace LogPipeline.RcfEndpoint.Hosting;

/// <summary>
/// SageMaker starts a model container as <c>docker run image serve</c> and sends traffic to port 8080; Aspire and
/// developers give the port through ASPNETCORE_URLS, --urls or ASPNETCORE_HTTP_PORTS instead.
/// </summary>
public static class SageMakerContainer
{
    public const string ServeArgument = "serve";
    /// <summary>
    /// Loopback only: started by hand, the endpoint (and its admin API) is not reachable from the network. In a
    /// container the image's ASPNETCORE_HTTP_PORTS=8080 applies instead, on every interface, as SageMaker needs.
    /// </summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The command line without SageMaker's <c>serve</c> argument, which means nothing to ASP.NET Core.</summary>
    public static string[] WithoutServeArgument(string[] args) =>
        Array.FindAll(args, static a => !string.Equals(a, ServeArgument, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when neither URLs, ports nor Kestrel endpoints are configured, so 8080 applies.</summary>
    public static bool NeedsDefaultUrl(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["urls"])
        && string.IsNullOrWhiteSpace(configuration["http_ports"])
        && string.IsNullOrWhiteSpace(configuration["https_ports"])
        && !configuration.GetSection("Kestrel:Endpoints").Exists();

    /// <summary>Listens on loopback port 8080 unless the URLs or ports are configured (as in the container image).</summary>
    public static WebApplicationBuilder UseSageMakerDefaultPort(this WebApplicationBuilder builder)
    {
        if (NeedsDefaultUrl(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}

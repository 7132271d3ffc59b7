namespace LogPipeline.RcfEndpoint.Hosting;

/// <summary>
/// SageMaker starts a model container as <c>docker run image serve</c> and sends traffic to port 8080; Aspire and
/// developers give the port through ASPNETCORE_URLS, --urls or ASPNETCORE_HTTP_PORTS instead.
/// </summary>
public static class SageMakerContainer
{
    public const string ServeArgument = "serve";
    public const string DefaultUrl = "http://+:8080";

    /// <summary>The command line without SageMaker's <c>serve</c> argument, which means nothing to ASP.NET Core.</summary>
    public static string[] WithoutServeArgument(string[] args) =>
        Array.FindAll(args, static a => !string.Equals(a, ServeArgument, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when neither URLs, ports nor Kestrel endpoints are configured, so 8080 applies.</summary>
    public static bool NeedsDefaultUrl(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["urls"])
        && string.IsNullOrWhiteSpace(configuration["http_ports"])
        && string.IsNullOrWhiteSpace(configuration["https_ports"])
        && !configuration.GetSection("Kestrel:Endpoints").Exists();

    /// <summary>Listens on 8080, as SageMaker expects, unless the URLs or ports are configured.</summary>
    public static WebApplicationBuilder UseSageMakerDefaultPort(this WebApplicationBuilder builder)
    {
        if (NeedsDefaultUrl(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}

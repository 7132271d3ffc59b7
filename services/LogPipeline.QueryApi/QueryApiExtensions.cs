using System.Text.Encodings.Web;
using System.Text.Json;
using LogPipeline.Kafka.DeadLetters;
using LogPipeline.QueryApi;
using LogPipeline.QueryApi.OpenApi;
using LogPipeline.QueryApi.Paging;
using LogPipeline.QueryApi.Redrive;
using LogPipeline.QueryApi.Security;
using LogPipeline.Security;
using LogPipeline.Storage.Redrive;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class QueryApiExtensions
{
    /// <summary>Options, API keys and their rate limit, snake_case JSON, RFC 7807 problem details, cursors and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddQueryApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueryApiOptions>()
            .BindConfiguration(QueryApiOptions.SectionName)
            .Validate(o => o.DefaultLimit >= 1 && o.DefaultLimit <= o.MaxLimit, "Pipeline:QueryApi:DefaultLimit must be between 1 and MaxLimit.")
            .Validate(o => o.MaxQueriesPerRequest >= 100, "Pipeline:QueryApi:MaxQueriesPerRequest must be at least 100 (a page must be able to read every shard).")
            .Validate(o => o.MaxRange > TimeSpan.Zero, "Pipeline:QueryApi:MaxRange must be positive (e.g. 31.00:00:00).")
            .Validate(o => o.RateLimit.PermitLimit >= 1 && o.RateLimit.Window > TimeSpan.Zero, "Pipeline:QueryApi:RateLimit:PermitLimit must be at least 1 and :Window positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<QueryApiOptions>>(sp => new ApiKeyOptionsValidator(sp.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddSingleton(sp => new ApiKeySet(sp.GetRequiredService<IOptions<QueryApiOptions>>().Value.ApiKeys));
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, ApiKeyRateLimitPolicy>(ApiKeyRateLimitPolicy.Name));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CursorProtector>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // Stored and dead-lettered text is data: markup characters (<, >, &, ') are escaped, so no response can be
            // mistaken for HTML even by a client that ignores the content type.
            json.SerializerOptions.Encoder = JavaScriptEncoder.Default;
        });
        builder.Services.AddOpenApi(openApi => openApi.AddQueryApiDocumentation());
        return builder;
    }

    /// <summary>The record of re-driven dead letters in DynamoDB, so a dead letter re-driven twice is published once.</summary>
    public static IHostApplicationBuilder AddRedriveLedger(this IHostApplicationBuilder builder)
    {
        builder.AddLogStorage();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<RedriveLedger>();
        builder.Services.TryAddSingleton<IRedriveLedger, StoredRedriveLedger>();
        return builder;
    }

    /// <summary>
    /// The OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI at <c>/swagger</c>, when
    /// <see cref="QueryApiOptions.ServesDocumentation"/> (by default only in Development).
    /// </summary>
    public static WebApplication MapQueryApiDocumentation(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<QueryApiOptions>>().Value.ServesDocumentation(app.Environment))
        {
            return app;
        }

        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "LogPipeline Query API v1");
            ui.DocumentTitle = "LogPipeline Query API";
        });
        return app;
    }
}

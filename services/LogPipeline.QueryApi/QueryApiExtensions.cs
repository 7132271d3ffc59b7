using System.Text.Json;
using LogPipeline.QueryApi;
using LogPipeline.QueryApi.OpenApi;
using LogPipeline.QueryApi.Paging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class QueryApiExtensions
{
    /// <summary>Options, snake_case JSON, RFC 7807 problem details, cursors and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddQueryApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueryApiOptions>()
            .BindConfiguration(QueryApiOptions.SectionName)
            .Validate(o => o.DefaultLimit >= 1 && o.DefaultLimit <= o.MaxLimit, "Pipeline:QueryApi:DefaultLimit must be between 1 and MaxLimit.")
            .Validate(o => o.MaxQueriesPerRequest >= 100, "Pipeline:QueryApi:MaxQueriesPerRequest must be at least 100 (a page must be able to read every shard).")
            .Validate<IHostEnvironment>(
                (o, environment) => !(o.RequireApiKey ?? environment.IsProduction()) || Array.Exists(o.ApiKeys, k => k.Length > 0),
                "API keys are required (Pipeline:QueryApi:RequireApiKey, on by default in Production) but Pipeline:QueryApi:ApiKeys is empty.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CursorProtector>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddOpenApi(openApi => openApi.AddQueryApiDocumentation());
        return builder;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI at <c>/swagger</c>.</summary>
    public static WebApplication MapQueryApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "LogPipeline Query API v1");
            ui.DocumentTitle = "LogPipeline Query API";
        });
        return app;
    }
}

using LogPipeline.RcfEndpoint.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>The SageMaker runtime API and the SageMaker container contract.</summary>
public static class InvocationsApi
{
    public static IEndpointRouteBuilder MapInvocationsApi(this IEndpointRouteBuilder app)
    {
        var invocations = app.MapGroup("").WithTags("Invocations").AddEndpointFilter<ProductionVariantHeaderFilter>();
        invocations.MapPost("/endpoints/{endpointName}/invocations", InvokeEndpointAsync).WithName("InvokeEndpoint");
        invocations.MapPost("/invocations", InvokeContainerModelAsync).WithName("InvokeContainerModel");

        var container = app.MapGroup("").WithTags("Container");
        container.MapGet("/ping", Ping);
        container.MapGet("/execution-parameters", GetExecutionParameters);
        return app;
    }

    public static async Task<IResult> InvokeEndpointAsync(string endpointName, HttpContext context, ModelRegistry registry, ModelInvoker invoker, IOptions<RcfOptions> options) =>
        registry.TryGet(endpointName, out var model)
            ? await invoker.InvokeAsync(model, context, InvocationRoute.Runtime)
            : invoker.Reject(InvocationError.EndpointNotFound(endpointName, options.Value.AccountId), InvocationRoute.Runtime);

    public static async Task<IResult> InvokeContainerModelAsync(HttpContext context, ModelRegistry registry, ModelInvoker invoker) =>
        registry.FindContainerModel() is { } model
            ? await invoker.InvokeAsync(model, context, InvocationRoute.Container)
            : invoker.Reject(InvocationError.NoModel(), InvocationRoute.Container);

    /// <summary>SageMaker's health probe: 200 once the model behind <c>/invocations</c> is loaded.</summary>
    public static Results<Ok, StatusCodeHttpResult> Ping(ModelRegistry registry) =>
        registry.IsLoaded && registry.FindContainerModel() is not null
            ? TypedResults.Ok()
            : TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);

    /// <summary>What SageMaker batch transform asks a container before sending it work.</summary>
    public static Ok<ExecutionParameters> GetExecutionParameters() =>
        TypedResults.Ok(new ExecutionParameters(Environment.ProcessorCount, "MULTI_RECORD", RequestBody.MaxBytes / (1024 * 1024)));
}

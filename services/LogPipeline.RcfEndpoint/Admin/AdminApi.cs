using LogPipeline.RcfEndpoint.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Admin;

/// <summary>Create, inspect, reset and delete models at run time: with an admin key, or from the machine itself (<see cref="AdminAccessFilter"/>).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/admin/models").WithTags("Admin").AddEndpointFilter<AdminAccessFilter>();
        models.MapGet("", GetModels);
        models.MapGet("{name}", GetModel);
        models.MapPut("{name}", PutModelAsync);
        models.MapPost("{name}/reset", ResetModelAsync);
        models.MapDelete("{name}", DeleteModelAsync);
        return app;
    }

    public static Ok<ModelInfo[]> GetModels(ModelRegistry registry)
    {
        var models = registry.List();
        var infos = new ModelInfo[models.Count];
        for (var i = 0; i < infos.Length; i++)
        {
            infos[i] = ModelInfo.From(models[i]);
        }

        return TypedResults.Ok(infos);
    }

    public static Results<Ok<ModelInfo>, ProblemHttpResult> GetModel(string name, ModelRegistry registry) =>
        registry.TryGet(name, out var model) ? TypedResults.Ok(ModelInfo.From(model)) : NotFound(name);

    /// <summary>
    /// Creates the model (201) or applies the settings to it (200): the same forest settings keep what it learned
    /// (only the mode can change that way), other settings start a new forest.
    /// </summary>
    public static async Task<Results<Created<ModelInfo>, Ok<ModelInfo>, ProblemHttpResult>> PutModelAsync(
        string name,
        RcfModelSettings settings,
        ModelRegistry registry,
        IOptions<RcfAdminOptions> admin,
        CancellationToken cancellationToken)
    {
        if (!ModelName.IsValid(name))
        {
            return BadRequest("Invalid model name", $"'{name}' is not a valid name. {ModelName.Rule}");
        }

        if ((settings.Validate() ?? admin.Value.CheckLimits(settings)) is { } problem)
        {
            return BadRequest("Invalid model settings", problem);
        }

        var (model, created) = await registry.PutAsync(name, settings, admin.Value.MaxModels, cancellationToken);
        if (model is null)
        {
            return BadRequest("Too many models", $"This endpoint serves at most {admin.Value.MaxModels} models ({RcfAdminOptions.SectionName}:{nameof(RcfAdminOptions.MaxModels)}); delete one first.");
        }

        var info = ModelInfo.From(model);
        return created ? TypedResults.Created($"/admin/models/{model.Name}", info) : TypedResults.Ok(info);
    }

    public static async Task<Results<Ok<ModelInfo>, ProblemHttpResult>> ResetModelAsync(string name, ModelRegistry registry, CancellationToken cancellationToken) =>
        await registry.ResetAsync(name, cancellationToken) is { } model ? TypedResults.Ok(ModelInfo.From(model)) : NotFound(name);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteModelAsync(string name, ModelRegistry registry, CancellationToken cancellationToken) =>
        await registry.RemoveAsync(name, cancellationToken) ? TypedResults.NoContent() : NotFound(name);

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Model not found", detail: $"There is no model named '{name}'.");

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}

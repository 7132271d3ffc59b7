using LogPipeline.RcfEndpoint.Admin;
using LogPipeline.RcfEndpoint.Hosting;
using LogPipeline.RcfEndpoint.Invocations;

var builder = WebApplication.CreateBuilder(SageMakerContainer.WithoutServeArgument(args));
builder.UseSageMakerDefaultPort();

builder.AddServiceDefaults();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.AddRcfModels();

var app = builder.Build();

// Bad requests (e.g. an unreadable admin body) keep their 400; everything else unexpected is a 500.
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = static e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError });
app.UseStatusCodePages();
if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
}

app.MapInvocationsApi();
app.MapAdminApi();
app.MapDefaultEndpoints();

app.Run();

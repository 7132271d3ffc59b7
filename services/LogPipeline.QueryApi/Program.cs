using LogPipeline.QueryApi.Apis;
using LogPipeline.QueryApi.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddLogQueries();
builder.AddRedriveLedger();
builder.AddDeadLetterRedriver();
builder.AddArchiveReplay();
builder.AddQueryApi();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler();
}

app.UseStatusCodePages();
app.UseRateLimiter();
app.MapQueryApiDocumentation();

var api = app.MapGroup("/api").RequireApiKey();
api.MapLogsApi();
api.MapAnomaliesApi();
api.MapStatsApi();
api.MapDeadLettersApi();
api.MapArchiveApi();

app.MapDefaultEndpoints();

app.Run();

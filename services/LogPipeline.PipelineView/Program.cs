using LogPipeline.PipelineView.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPipelineView();

var app = builder.Build();

app.UseDefaultFiles();
app.UseStaticFiles();
app.MapPipelineApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;

using LogPipeline.PipelineView.Api;

var builder = WebApplication.CreateBuilder(args);

// No retrying handler: a relayed burst retried would be injected twice.
builder.AddBasicServiceDefaults();
builder.AddPipelineView();

var app = builder.Build();

app.UseDefaultFiles();
app.UseStaticFiles();
app.MapPipelineApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;

using Amazon.CDK;
using LogPipeline.Deploy;

// cdk synth / cdk deploy run this (deploy/cdk.json). Parameters: -c key=value (deploy/README.md).
var app = new App();
DeploymentSettings settings;
try
{
    settings = DeploymentSettings.FromContext(app.Node);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

LogPipelineApp.Create(app, settings);
app.Synth();
return 0;

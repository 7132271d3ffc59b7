namespace LogPipeline.Archiver.Tests.Archiver;

/// <summary>One s3rver for every test that uses S3: it sets the process's AWS variables.</summary>
[CollectionDefinition(Name)]
public sealed class S3Collection : ICollectionFixture<LocalS3>
{
    public const string Name = "s3rver";
}

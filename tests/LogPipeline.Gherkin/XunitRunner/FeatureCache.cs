using System.Collections.Concurrent;
using LogPipeline.Gherkin.Parsing;

namespace LogPipeline.Gherkin.XunitRunner;

/// <summary>Parsed feature files, shared by discovery and execution in one process; a file is parsed again when it changes.</summary>
internal static class FeatureCache
{
    static readonly ConcurrentDictionary<string, (DateTime WrittenAt, FeatureDocument Document)> Documents = new(StringComparer.Ordinal);

    public static FeatureDocument Load(FeatureFile file)
    {
        var writtenAt = File.GetLastWriteTimeUtc(file.FullPath);
        if (Documents.TryGetValue(file.FullPath, out var cached) && cached.WrittenAt == writtenAt && cached.Document.FilePath == file.FilePath)
        {
            return cached.Document;
        }

        var document = FeatureParser.ParseFile(file.FullPath, file.FilePath);
        Documents[file.FullPath] = (writtenAt, document);
        return document;
    }
}

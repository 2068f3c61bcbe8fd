using System.Text.Json;

namespace TradingPlatform.AiService.Tests.Knowledge;

/// <summary>
/// The knowledge base's development question set (dev-questions.json beside this file): questions a trader or a
/// developer asks, each with the passages (path + anchor) that answer it, written from the docs; and out-of-domain
/// questions that nothing in the docs answers. Read from the repository (the test runs from its bin folder).
/// </summary>
public sealed record DevQuestions(IReadOnlyList<DevQuestion> Questions, IReadOnlyList<string> OutOfDomain)
{
    public static DevQuestions Load()
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "TradingPlatform.AiService.Tests", "Knowledge", "dev-questions.json");
        return JsonSerializer.Deserialize<DevQuestions>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{path} is JSON null.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No TradingPlatform.sln above {AppContext.BaseDirectory}.");
    }
}

public sealed record DevQuestion(string Question, IReadOnlyList<DevAnswer> Answers);

public sealed record DevAnswer(string Path, string Anchor);

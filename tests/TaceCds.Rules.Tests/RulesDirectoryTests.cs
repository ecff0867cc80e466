using TaceCds.Rules.Loading;

namespace TaceCds.Rules.Tests;

public class RulesDirectoryTests
{
    [Fact]
    public void Explicit_directory_wins_then_environment_then_repository_then_binary()
    {
        var repo = Directory.CreateTempSubdirectory("tacecds-repo").FullName;
        try
        {
            File.WriteAllText(Path.Combine(repo, "TaceCds.sln"), "");
            Directory.CreateDirectory(Path.Combine(repo, "rules"));
            var deep = Directory.CreateDirectory(Path.Combine(repo, "src", "x")).FullName;
            var bin = Directory.CreateTempSubdirectory("tacecds-bin").FullName;
            Assert.Equal(Path.GetFullPath("/opt/r"), RulesDirectory.Resolve("/opt/r", "/env/r", deep, bin));
            Assert.Equal(Path.GetFullPath("/env/r"), RulesDirectory.Resolve(null, "/env/r", deep, bin));
            Assert.Equal(Path.Combine(repo, "rules"), RulesDirectory.Resolve(null, null, deep, bin));
            Assert.Equal(Path.Combine(repo, "rules"), RulesDirectory.Resolve(null, "", bin, deep));
            Assert.Equal(Path.Combine(bin, "rules"), RulesDirectory.Resolve(null, null, bin, bin));
            Directory.Delete(bin, true);
        }
        finally { Directory.Delete(repo, true); }
    }
}

namespace Smartnumbers.Core.Tests;

internal static class RepositoryPaths
{
    /// <summary>The worktree root: the nearest parent of the test binaries holding Smartnumbers.sln.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Smartnumbers.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Smartnumbers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}

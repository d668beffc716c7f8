namespace Smartnumbers.Functions.Tests.Infrastructure;

/// <summary>The checkout's root folder (the one holding Smartnumbers.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Smartnumbers.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Smartnumbers.sln not found above " + AppContext.BaseDirectory);
    }
}

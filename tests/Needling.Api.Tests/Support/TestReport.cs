namespace Needling.Api.Tests.Support;

/// <summary>
/// Lines the test run prints at its end (tests/run.sh shows them before the totals): counts that the CI log should
/// carry, such as requests sent by the fuzz test. Written to the folder in NEEDLING_TEST_REPORTS when it is set.
/// </summary>
public static class TestReport
{
    private static readonly Lock Gate = new();

    public static void Line(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var folder = Environment.GetEnvironmentVariable("NEEDLING_TEST_REPORTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }
        lock (Gate)
        {
            Directory.CreateDirectory(folder);
            File.AppendAllText(Path.Combine(folder, "report.txt"), line + Environment.NewLine);
        }
    }
}

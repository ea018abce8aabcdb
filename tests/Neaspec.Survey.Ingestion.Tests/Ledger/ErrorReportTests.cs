using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Tests.Ledger;

/// <summary>An error report is written to a fresh name and renamed into place: a link planted under the
/// report's name is replaced, never followed, and a failed write leaves no partial report.</summary>
public sealed class ErrorReportTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void A_link_planted_at_the_reports_name_is_replaced_and_what_it_points_to_is_untouched()
    {
        var victim = files.Write("victim.txt", "precious");
        var reports = Directory.CreateDirectory(Path.Combine(files.Folder, "reports")).FullName;
        var planted = Path.Combine(reports, "survey.csv.errors.csv");
        File.CreateSymbolicLink(planted, victim);

        var written = ErrorReport.Write("survey.csv", [new RowError(2, "count", "=1+1", "not a count")], reports);

        Assert.Equal(planted, written);
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Null(new FileInfo(written).LinkTarget);
        Assert.Equal("file,line,column,value,reason\nsurvey.csv,2,count,\"'=1+1\",not a count\n", File.ReadAllText(written));
        Assert.Equal(["survey.csv.errors.csv"], Directory.EnumerateFiles(reports).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_an_error_not_a_report_in_the_shared_temp_folder()
    {
        // A file where the folder should be: no one, not even root, can write a report under it.
        var blocked = files.Write("not-a-folder", "x");
        var name = $"hostile-{Guid.NewGuid():N}.csv";

        Assert.ThrowsAny<IOException>(() => ErrorReport.Write(name, [new RowError(2, null, null, "bad")], Path.Combine(blocked, "reports")));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), name + ".errors.csv")));
    }
}

using System.Text;
using Neaspec.Survey.Files;

namespace Neaspec.Survey.Sharing.Tests;

/// <summary>The archive's text files as GBIF reads them: one line per record, one tab between fields, values as
/// they are.</summary>
public sealed class ArchiveTextTests
{
    private static string Write(params string?[] values)
    {
        using var stream = new MemoryStream();
        using (var writer = new ArchiveTextWriter(stream))
        {
            foreach (var v in values)
            {
                writer.Write(v);
            }
            writer.Write<double>(-33.5);
            writer.Write<int>(null);
            writer.EndRecord();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Tabs_and_line_breaks_inside_values_become_spaces_so_fields_and_records_stay_put()
    {
        var line = Write("roost\tcount", "fog\r\nall morning", "  Mai Po  ");
        Assert.Equal("roost count\tfog  all morning\tMai Po\t-33.5\t\n", line);
    }

    [Fact]
    public void Formula_like_values_and_negative_numbers_are_written_as_they_are()
    {
        // The spreadsheet escape (a leading ') would reach GBIF as part of the value.
        var line = Write("=HYPERLINK(\"http://x\")", "-5", "@home", "+1");
        Assert.Equal("=HYPERLINK(\"http://x\")\t-5\t@home\t+1\t-33.5\t\n", line);
    }
}

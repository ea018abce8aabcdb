using System.Globalization;
using System.Text.Json;
using Neaspec.Survey.Files;
using Neaspec.Survey.Files.Trends;

namespace Neaspec.Survey.Trends.Tests;

/// <summary>File mode: the counts CSV in, years.csv and summary.json out; bad input refused with file, line,
/// column and value, and nothing written.</summary>
public sealed class FileModeTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>The skylark counts as a counts file: time t written as year 2000 + t.</summary>
    internal static string SkylarkCsv()
    {
        var lines = File.ReadAllLines(TestFiles.Data("skylark.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => $"{f[0]},{2000 + int.Parse(f[1], CultureInfo.InvariantCulture)},{f[2]},{f[3]}");
        return "site,year,count,habitat\n" + string.Join("\n", lines) + "\n";
    }

    private TrendFileReport Run(string csv, TrendModel model = TrendModel.TimeEffects, string? covariate = null, bool both = false)
    {
        var path = files.Write("counts.csv", csv);
        return TrendFiles.Run(new TrendFileOptions
        {
            CountsPath = path,
            Covariate = covariate,
            OutDirectory = Path.Combine(files.Folder, "out"),
            Trend = new TrendOptions { Model = model, Overdispersion = both, SerialCorrelation = both },
        });
    }

    private InputError Refused(string csv, string? covariate = null)
    {
        var report = Run(csv, covariate: covariate);
        Assert.False(report.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(files.Folder, "out")), "nothing may be written for refused input");
        return Assert.Single(report.Errors);
    }

    [Theory]
    [InlineData("2.5", "a count is a whole number of individuals")]
    [InlineData("-3", "a count cannot be negative")]
    [InlineData("many", "not a count: give a whole number >= 0, or leave it blank when the site was not counted")]
    [InlineData("12.0", "write the count as digits only (12, not 12.0 or +12)")]
    public void A_count_that_is_not_a_whole_number_of_birds_is_refused_with_its_line(string count, string reason)
    {
        var error = Refused($"site,year,count\na,2001,10\na,2002,{count}\na,2003,12\n");
        Assert.Equal(new InputError("counts.csv", 3, "count", count, reason), error);
    }

    [Theory]
    [InlineData("24")]
    [InlineData("2024.5")]
    [InlineData("FY2024")]
    [InlineData("1066")]
    public void A_year_that_is_not_a_year_is_refused(string year)
    {
        var error = Refused($"site,year,count\na,2001,10\na,{year},11\n");
        Assert.Equal(("counts.csv", 3, "year", year), (error.File, error.Line, error.Column, error.Value));
        Assert.StartsWith("not a year", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_year_given_twice_names_the_first_line()
    {
        var error = Refused("Site,Year,Count\na,2001,10\nb,2001,4\na,2001,11\n");
        Assert.Equal(new InputError("counts.csv", 4, "Year", "2001", "site a already has a row for 2001 on line 2; give one count per site and year"), error);
        Assert.Equal("counts.csv, line 4, column Year, value '2001': site a already has a row for 2001 on line 2; give one count per site and year", error.ToString());
    }

    [Fact]
    public void An_unknown_covariate_column_is_refused_naming_the_columns_there_are()
    {
        var error = Refused("site,year,count,country\na,2001,10,KR\na,2002,11,KR\n", covariate: "habitat");
        Assert.Equal(("counts.csv", 1, "habitat", "site,year,count,country"), (error.File, error.Line, error.Column, error.Value));
        Assert.Contains("covariate columns here: country", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_is_refused()
    {
        var error = Refused("site,year,individuals\na,2001,10\n");
        Assert.Equal(("counts.csv", 1, "count"), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Counts_the_model_cannot_use_are_refused_with_the_reason_and_nothing_written()
    {
        var error = Refused("site,year,count\na,2001,10\na,2002,\na,2003,12\nb,2001,5\nb,2002,0\nb,2003,6\n");
        Assert.Equal("counts.csv: 2002 has no positive count: model 3 cannot estimate its effect (use model 2, or leave the year out)", error.ToString());
    }

    [Fact]
    public void A_blank_count_is_missing_and_0_a_real_zero()
    {
        // Model 1 on s1 = (10, -, 20), s2 = (0, 4, 2): the blank is imputed as s1's mean 15; the 0 is a count.
        var report = Run("site,year,count\ns1,2001,10\ns1,2002,\ns1,2003,20\ns2,2001,0\ns2,2002,4\ns2,2003,2\n", TrendModel.NoTimeEffects);
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var r = report.Result!;
        Assert.Equal((5, 1, 1), (r.ObservedCounts, r.ZeroCounts, r.MissingCounts));
        // Imputed 2002 = 15 + 4; observed sites 2001 = 2 (the zero counts as counted).
        Assert.Equal(19, r.YearTotals[1].ImputedTotal, 1e-6);
        Assert.Equal([2, 1, 2], r.YearTotals.Select(y => y.ObservedSites));
    }

    [Fact]
    public void Years_csv_and_summary_json_have_the_issue_s_columns_and_TRIM_s_numbers()
    {
        var report = Run(SkylarkCsv(), covariate: "habitat", both: true);
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var years = File.ReadAllLines(Path.Combine(files.Folder, "out", "years.csv"));
        Assert.Equal("year,observed_sites,model_total,model_total_se,imputed_total,imputed_total_se,model_index,model_index_se,imputed_index,imputed_index_se", years[0]);
        Assert.Equal(9, years.Length);
        // skylark-2b.out: 2008 (time 8) imputed total 590, index 1.1219.
        var last = years[8].Split(',');
        Assert.Equal("2008", last[0]);
        Assert.Equal("18", last[1]);
        Assert.Equal(590, double.Parse(last[4], CultureInfo.InvariantCulture), 1.0);
        Assert.Equal(1.1219, double.Parse(last[8], CultureInfo.InvariantCulture), 0.002);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(files.Folder, "out", "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(1.162, root.GetProperty("overdispersion").GetDouble(), 0.0005);
        Assert.Equal(0.227, root.GetProperty("serialCorrelation").GetDouble(), 0.0005);
        Assert.Equal(-106.36, root.GetProperty("goodnessOfFit").GetProperty("aic").GetDouble(), 0.005);
        var imputed = root.GetProperty("slope").GetProperty("imputed");
        Assert.Equal(["additive", "additiveSe", "multiplicative", "multiplicativeSe", "class", "significance", "wald", "p"],
            imputed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0384, imputed.GetProperty("multiplicative").GetDouble(), 0.0005);
        Assert.Equal("moderate increase", imputed.GetProperty("class").GetString());
        Assert.Equal("moderate increase", root.GetProperty("slope").GetProperty("model").GetProperty("class").GetString());

        var strata = File.ReadAllLines(Path.Combine(files.Folder, "out", "strata.csv"));
        Assert.Equal(1 + (2 * 8), strata.Length);
        Assert.StartsWith("covariate,category,year,observed_sites,", strata[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_spreadsheet_s_semicolon_file_with_a_BOM_and_quotes_reads_the_same()
    {
        // Model 1 on s1 = (10, -, 20), s2 = (5, 5, 5): imputed 2002 = 15 + 5 = 20 (HandWorkedTests' model 1 case).
        var path = files.Write("counts.csv", "\"Site\";\"Year\";\"Count\"\ns1;2001;10\ns1;2002;\ns1;2003;20\ns2;2001;5\ns2;2002;5\ns2;2003;5\n", bom: true);
        var report = TrendFiles.Run(new TrendFileOptions
        {
            CountsPath = path,
            OutDirectory = Path.Combine(files.Folder, "out"),
            Trend = new TrendOptions { Model = TrendModel.NoTimeEffects },
        });
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal(20, report.Result!.YearTotals[1].ImputedTotal, 1e-6);
    }

    [Fact]
    public void A_site_that_changes_stratum_must_give_every_year()
    {
        var error = Refused("site,year,count,zone\na,2001,10,north\na,2003,12,south\nb,2001,5,north\nb,2002,6,north\nb,2003,7,north\n", covariate: "zone");
        Assert.Equal("counts.csv: site a changes zone (north, south) but has no row for 2002: give that year (a blank count) with its zone", error.ToString());
    }

    [Fact]
    public void A_stratum_that_looks_like_a_formula_reaches_the_spreadsheet_as_text()
    {
        var report = Run("site,year,count,zone\na,2001,10,=cmd\na,2002,12,=cmd\nb,2001,5,north\nb,2002,6,north\n", TrendModel.LinearTrend, covariate: "zone");
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var strata = File.ReadAllText(Path.Combine(files.Folder, "out", "strata.csv"));
        Assert.DoesNotContain("\nzone,=cmd", strata, StringComparison.Ordinal);
        Assert.Contains("zone,\"'=cmd\",2001,", strata, StringComparison.Ordinal);
    }
}

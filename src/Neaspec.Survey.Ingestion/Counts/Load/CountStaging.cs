using Neaspec.Survey.Ingestion.Counts.Validate;
using Neaspec.Survey.Ingestion.Sites;
using Npgsql;
using NpgsqlTypes;

namespace Neaspec.Survey.Ingestion.Counts.Load;

/// <summary>Stage: good rows go by binary COPY into the temporary table <c>staging_counts</c> as they are
/// read, the file's visits (with their site ids) into <c>staging_visits</c> once all rows are in.</summary>
internal sealed class CountStaging : IDisposable
{
    private readonly NpgsqlBinaryImporter copy;

    private CountStaging(NpgsqlBinaryImporter copy) => this.copy = copy;

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    public static async Task<CountStaging> BeginAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(CountSql.CreateStagingCounts, conn))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        return new CountStaging(await conn.BeginBinaryImportAsync(CountSql.CopyStagingCounts, ct));
    }

    public void Write(int visit, CountRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        copy.StartRow();
        copy.Write(visit, NpgsqlDbType.Integer);
        copy.Write(row.Species, NpgsqlDbType.Text);
        WriteNullable(copy, row.Individuals, NpgsqlDbType.Integer);
        WriteNullable(copy, row.CountType, NpgsqlDbType.Text);
        WriteNullable(copy, row.NotCountedReason, NpgsqlDbType.Text);
        WriteNullable(copy, row.Notes, NpgsqlDbType.Text);
        copy.Write((int)row.Line, NpgsqlDbType.Integer);
        Rows++;
    }

    /// <summary>Ends the COPY of rows.</summary>
    public void Complete() => copy.Complete();

    /// <summary>The file's visits, with their site ids, into a second staging table.</summary>
    public static async Task CopyVisitsAsync(NpgsqlConnection conn, IEnumerable<CountVisit> visits, SiteDirectory sites, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(CountSql.CreateStagingVisits, conn))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using var copy = await conn.BeginBinaryImportAsync(CountSql.CopyStagingVisits, ct);
        foreach (var v in visits)
        {
            var site = sites.Find(v.SiteCode) ?? throw new InvalidOperationException($"site {v.SiteCode} vanished during the import");
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(v.Number, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(site.Id, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(v.Date, NpgsqlDbType.Date, ct);
            WriteNullable(copy, v.Time, NpgsqlDbType.Time);
            WriteNullable(copy, v.Method, NpgsqlDbType.Text);
            WriteNullable(copy, v.Observer, NpgsqlDbType.Text);
        }
        await copy.CompleteAsync(ct);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    public void Dispose() => copy.Dispose();
}

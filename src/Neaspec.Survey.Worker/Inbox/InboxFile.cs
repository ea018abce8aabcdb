namespace Neaspec.Survey.Worker.Inbox;

/// <summary>A file of the inbox as the scan saw it.</summary>
public sealed record InboxFile(string Path, long Length, DateTime LastWriteUtc)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

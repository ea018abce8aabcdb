namespace Neaspec.Survey.Worker.Inbox;

/// <summary>What a scan of the inbox found: files ready to take, and files still being written.</summary>
public sealed record InboxScan(IReadOnlyList<InboxFile> Ready, IReadOnlyList<InboxFile> Settling);

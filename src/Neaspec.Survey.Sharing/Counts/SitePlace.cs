using Neaspec.Survey.Sharing.Sensitive;

namespace Neaspec.Survey.Sharing.Counts;

/// <summary>A site as the counts archive publishes it: its code (for the stable ids, never published when the
/// site is generalised), its country and its published place.</summary>
internal sealed record SitePlace(string Code, string Country, PublishedPlace Place);

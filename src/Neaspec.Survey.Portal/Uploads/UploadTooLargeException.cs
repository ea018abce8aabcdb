namespace Neaspec.Survey.Portal.Uploads;

/// <summary>An upload went past <see cref="PortalOptions.MaxUploadBytes"/> while it was being received.</summary>
public sealed class UploadTooLargeException(long limit)
    : Exception($"the file is larger than the upload limit of {UploadLimit.Format(limit)}")
{
    public long Limit { get; } = limit;
}

namespace Neaspec.Survey.Portal;

/// <summary>Answers an upload that announces more bytes than the limit at once, with a page that says the
/// limit, before a byte of it is read; Kestrel's own limit catches bodies that do not announce a length.</summary>
internal static class UploadLimit
{
    /// <summary>Room for the multipart boundaries, headers and the antiforgery field around the file.</summary>
    public const long FormOverhead = 64 * 1024;

    public static Func<HttpContext, RequestDelegate, Task> RejectOversized(long maxUploadBytes) => async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.ContentLength > maxUploadBytes + FormOverhead)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/html; charset=utf-8";
            // Closing the connection spares reading the body just to throw it away.
            context.Response.Headers.Connection = "close";
            await context.Response.WriteAsync(
                "<!doctype html><meta charset=utf-8><title>File too large</title><p>The file is larger than the upload limit of " +
                $"{Format(maxUploadBytes)}. Split it into smaller files, or ask an admin to raise Portal:MaxUploadBytes.</p>" +
                "<p><a href=\"/Upload\">Back to the upload page</a></p>", context.RequestAborted);
            return;
        }
        await next(context);
    };

    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MiB",
        >= 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}

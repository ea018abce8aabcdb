namespace Neaspec.Survey.Portal;

/// <summary>The headers every response of the portal carries, set in one place so a page or download added
/// later has them without asking. Everything the portal serves is behind sign-in except the sign-in page,
/// and it serves no public static files, so one rule holds for all: private, never stored by a browser or a
/// proxy, never framed, never sniffed, never embedded by another site.</summary>
public static class SecurityHeaders
{
    /// <summary>The pages run no script and load nothing from elsewhere; say so to the browser, so injected
    /// markup that slipped past encoding could still not run or phone home.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Middleware: sets the headers before the endpoint runs and the cache headers again as the
    /// response starts, so neither a page, a file result nor antiforgery (which sets its own) has the last word.</summary>
    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // frame-ancestors says it to current browsers; X-Frame-Options to those that predate it.
        headers.XFrameOptions = "DENY";
        // Upload and report ids in a URL are not another site's business.
        headers["Referrer-Policy"] = "same-origin";
        // Another site's page cannot pull a private file in as an image or script (no-cors request).
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        context.Response.OnStarting(NoStore, context.Response);
        return next(context);
    }

    /// <summary>Error reports, report files and pages listing uploads are private: no copy on disk in a
    /// browser's cache or a shared proxy (RFC 9111 §5.2.2.5 no-store; Pragma for HTTP/1.0 caches). The value
    /// is the one antiforgery writes on pages with forms, so every response says the same.</summary>
    private static Task NoStore(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        return Task.CompletedTask;
    }
}

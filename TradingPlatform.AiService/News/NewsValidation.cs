namespace TradingPlatform.AiService.News;

/// <summary>The checks of <c>POST /api/news</c> (the body's size is checked before, as a 413).</summary>
internal static class NewsValidation
{
    /// <summary>The submission, or null with every field's errors.</summary>
    public static NewsSubmission? Validate(NewsRequest request, DateTimeOffset now, NewsOptions options, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        errors = [];
        var headline = request.Headline?.Trim();
        if (string.IsNullOrEmpty(headline))
        {
            errors["headline"] = ["headline is required and must not be empty or white space."];
        }
        else if (headline.Length > NewsLimits.MaxHeadlineLength)
        {
            errors["headline"] = [$"headline is {headline.Length} characters; at most {NewsLimits.MaxHeadlineLength}."];
        }

        var source = request.Source?.Trim();
        if (string.IsNullOrEmpty(source))
        {
            errors["source"] = ["source is required and must not be empty or white space."];
        }
        else if (source.Length > NewsLimits.MaxSourceLength)
        {
            errors["source"] = [$"source is {source.Length} characters; at most {NewsLimits.MaxSourceLength}."];
        }

        var id = request.Id?.Trim();
        if (request.Id is not null && (string.IsNullOrEmpty(id) || id.Length > NewsLimits.MaxClientIdLength))
        {
            errors["id"] = [$"id, when given, is 1 to {NewsLimits.MaxClientIdLength} characters, not only white space."];
        }

        var publishedAt = NewsIngestor.Microseconds(request.PublishedAt?.ToUniversalTime() ?? now);
        if (publishedAt > now + options.FutureTolerance)
        {
            errors["publishedAt"] = [$"publishedAt {publishedAt:O} is more than {options.FutureTolerance} after now ({now:O})."];
        }

        var symbols = new List<string>();
        if (request.Symbols is { Count: > NewsLimits.MaxSymbols })
        {
            errors["symbols"] = [$"symbols has {request.Symbols.Count} entries; at most {NewsLimits.MaxSymbols}."];
        }
        else
        {
            var unknown = new List<string>();
            foreach (var requested in request.Symbols ?? [])
            {
                if (SymbolRecognizer.Resolve(requested) is { } symbol)
                {
                    symbols.Add(symbol);
                }
                else
                {
                    unknown.Add($"'{requested}'");
                }
            }

            if (unknown.Count > 0)
            {
                errors["symbols"] = [$"Unknown symbol(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", SymbolRecognizer.Symbols)}."];
            }
        }

        var body = string.IsNullOrWhiteSpace(request.Body) ? null : request.Body.Trim();
        return errors.Count > 0
            ? null
            : new NewsSubmission(id, headline!, body, source!, publishedAt, symbols.Distinct(StringComparer.Ordinal).ToList());
    }
}

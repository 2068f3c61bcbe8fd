using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Infrastructure.Responses;

/// <summary>Query-string paging (<c>?page=1&amp;limit=20</c>), validated: page ≥ 1, 1 ≤ limit ≤ 100.</summary>
public readonly record struct PageRequest(int Page, int Limit)
{
    public const int MaxLimit = 100;

    public int Skip => (Page - 1) * Limit;

    public static PageRequest From(int? page, int? limit)
    {
        var p = page ?? 1;
        var l = limit ?? 20;
        if (p < 1)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, "page must be 1 or more.",
                new Dictionary<string, string[]> { ["page"] = ["page must be 1 or more."] });
        }

        if (l is < 1 or > MaxLimit)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, $"limit must be between 1 and {MaxLimit}.",
                new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxLimit}."] });
        }

        return new PageRequest(p, l);
    }
}

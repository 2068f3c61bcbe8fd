namespace TradingPlatform.Api.Infrastructure.Responses;

public sealed record Pagination(int Page, int Limit, long Total)
{
    public long TotalPages => Limit <= 0 ? 0 : (Total + Limit - 1) / Limit;
}

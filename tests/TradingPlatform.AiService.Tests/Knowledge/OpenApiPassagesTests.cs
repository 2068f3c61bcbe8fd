using TradingPlatform.AiService.Knowledge;

namespace TradingPlatform.AiService.Tests.Knowledge;

public sealed class OpenApiPassagesTests
{
    private const string Document = """
        {
          "openapi": "3.1.1",
          "paths": {
            "/api/backtests": {
              "get": { "operationId": "ListBacktests", "summary": "The caller's backtests",
                       "parameters": [ { "name": "page", "in": "query", "schema": { "type": "integer" } } ],
                       "responses": { "200": { "description": "OK" } } },
              "post": { "operationId": "CreateBacktest", "summary": "Queues a backtest", "description": "202 with its id.",
                        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BacktestRequest" } } } },
                        "responses": { "202": { "description": "Accepted" }, "422": { "$ref": "#/components/responses/Invalid" } } }
            },
            "/api/accounts/{accountId}": {
              "parameters": [ { "name": "accountId", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
              "delete": { "summary": "Delete an account", "responses": { "204": { "description": "Deleted" } } }
            }
          },
          "components": {
            "schemas": {
              "BacktestRequest": { "type": "object", "required": [ "symbol" ],
                "properties": { "symbol": { "type": "string", "description": "The instrument." },
                                "candles": { "type": "array", "items": { "$ref": "#/components/schemas/Candle" } } } }
            },
            "responses": { "Invalid": { "description": "A field is invalid" } }
          }
        }
        """;

    [Fact]
    public void Each_operation_is_one_passage_with_method_path_and_summary_as_heading_and_its_id_as_anchor()
    {
        var passages = OpenApiPassages.Split("docs/openapi/v1.json", Document);

        Assert.Equal(
            [("GET /api/backtests — The caller's backtests", "ListBacktests"), ("POST /api/backtests — Queues a backtest", "CreateBacktest"),
             ("DELETE /api/accounts/{accountId} — Delete an account", "delete-api-accounts-accountid")],
            passages.Select(p => (p.Heading, p.Anchor)));
        Assert.All(passages, p => Assert.Equal("docs/openapi/v1.json", p.Path));
    }

    [Fact]
    public void The_text_holds_the_description_parameters_request_fields_and_responses()
    {
        var passages = OpenApiPassages.Split("docs/openapi/v1.json", Document);

        Assert.Contains("- page (query, integer)", passages[0].Text, StringComparison.Ordinal);
        Assert.Contains("202 with its id.", passages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Request body (application/json):", passages[1].Text, StringComparison.Ordinal);
        Assert.Contains("- symbol (string, required): The instrument.", passages[1].Text, StringComparison.Ordinal);
        Assert.Contains("- candles (array of Candle)", passages[1].Text, StringComparison.Ordinal);
        Assert.Contains("- 422: A field is invalid", passages[1].Text, StringComparison.Ordinal);
        Assert.Contains("- accountId (path, string, required)", passages[2].Text, StringComparison.Ordinal);
        Assert.Contains("- 204: Deleted", passages[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_document_gives_one_passage_per_operation_with_distinct_anchors()
    {
        var json = File.ReadAllText(Path.Combine(DevQuestions.RepositoryRoot(), "docs", "openapi", "v1.json"));
        var operations = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("paths").EnumerateObject()
            .Sum(p => p.Value.EnumerateObject().Count(m => m.Name is "get" or "post" or "put" or "delete" or "patch"));

        var passages = OpenApiPassages.Split("docs/openapi/v1.json", json);

        Assert.True(operations > 50, $"{operations} operations");
        Assert.Equal(operations, passages.Count);
        Assert.Equal(passages.Count, passages.Select(p => p.Anchor).Distinct().Count());
    }
}

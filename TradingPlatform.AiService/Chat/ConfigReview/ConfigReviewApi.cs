using System.Security.Claims;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Security;

namespace TradingPlatform.AiService.Chat.ConfigReview;

/// <summary>
/// <c>POST /api/ai/config-review</c>, for the Worker's configuration analysis (it calls with a token minted for the
/// user whose suggestions these are): the configured model's review of the suggestions (<see cref="ConfigReviewer"/>),
/// under the daily budget of <see cref="AiFeatures.ConfigReview"/>.
/// </summary>
public static class ConfigReviewApi
{
    public static IEndpointRouteBuilder MapConfigReviewApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/ai").RequireAuthorization().AddEndpointFilter<SchemaReadyFilter>().WithTags("Configuration analysis")
            .MapPost("/config-review", ReviewAsync).WithName("ReviewConfigSuggestions")
            .WithSummary("Has the configured model rewrite the reasoning, expected effect and confidence of configuration suggestions (or drop them); 409 no_model without one.");
        return endpoints;
    }

    private static async Task<IResult> ReviewAsync(ConfigReviewRequest? request, HttpContext context, ClaimsPrincipal user)
    {
        if (request is null)
        {
            return ChatApi.Problem(ChatFailure.BadField("suggestions", "A JSON body with suggestions and figures is required."));
        }

        var errors = ConfigReviewValidation.Check(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The configuration review request is not valid.");
        }

        var reviewer = context.RequestServices.GetRequiredService<ConfigReviewer>();
        if (!context.RequestServices.GetRequiredService<ChatKernel>().HasModel)
        {
            return ChatApi.Problem(ConfigReviewer.NoModel);
        }

        if (await AiBudget.RefusalAsync(AiFeatures.ConfigReview, context) is { } refusal)
        {
            return refusal;
        }

        var (review, failure) = await reviewer.ReviewAsync(request, user.UserId().ToString(), context.RequestAborted);
        return review is null ? ChatApi.Problem(failure!) : TypedResults.Ok(review);
    }
}

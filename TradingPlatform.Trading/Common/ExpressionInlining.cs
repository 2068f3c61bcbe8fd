using System.Linq.Expressions;

namespace TradingPlatform.Trading.Common;

/// <summary>
/// Lets one rule written as an expression be used inside another: <c>rule.Inline(a, b)</c> in a lambda marks the
/// place, and <see cref="Expand{TDelegate}"/> replaces it with the rule's body over those arguments, so the result is
/// one plain expression that a compiler (in memory) and a query provider (SQL) can both take.
/// </summary>
public static class ExpressionInlining
{
    /// <summary>A marker for <see cref="Expand{TDelegate}"/>; never called.</summary>
    public static TResult Inline<T1, TResult>(this Expression<Func<T1, TResult>> rule, T1 arg1) =>
        throw new InvalidOperationException("Inline only marks a rule to expand; call ExpressionInlining.Expand on the enclosing expression.");

    /// <summary>A marker for <see cref="Expand{TDelegate}"/>; never called.</summary>
    public static TResult Inline<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> rule, T1 arg1, T2 arg2, T3 arg3) =>
        throw new InvalidOperationException("Inline only marks a rule to expand; call ExpressionInlining.Expand on the enclosing expression.");

    /// <summary>The expression with every <c>Inline</c> replaced by the body of the rule it names.</summary>
    public static Expression<TDelegate> Expand<TDelegate>(Expression<TDelegate> expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return (Expression<TDelegate>)new Expander().Visit(expression);
    }

    /// <summary>The lambda's body with its parameters replaced by <paramref name="arguments"/>.</summary>
    public static Expression Apply(LambdaExpression rule, params IReadOnlyList<Expression> arguments)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(arguments);
        var map = new Dictionary<ParameterExpression, Expression>();
        for (var i = 0; i < rule.Parameters.Count; i++)
        {
            map[rule.Parameters[i]] = arguments[i];
        }

        return new Substitution(map).Visit(rule.Body);
    }

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(ExpressionInlining) || node.Method.Name != nameof(Inline))
            {
                return base.VisitMethodCall(node);
            }

            // The rule is a static field or property (a member access the compiler left in the tree): read its value.
            var rule = (LambdaExpression)Expression.Lambda(node.Arguments[0]).Compile().DynamicInvoke()!;
            var arguments = node.Arguments.Skip(1).Select(Visit).ToList();
            return Visit(Apply(rule, arguments!));
        }
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var replacement) ? replacement : node;
    }
}

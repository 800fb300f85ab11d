using LabDashboard.Engine.Problems.ParamCount;

namespace LabDashboard.Web.Api;

/// <summary><c>GET /api/problems/param-count/pairs</c>: the five exam pairs' totals and answers, for scripts.</summary>
public static class ParamCountApi
{
    /// <summary>The route.</summary>
    public const string PairsPath = "/api/problems/param-count/pairs";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapParamCountApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PairsPath, () => PairCounter.All.Select(ParamCountPair.From).ToList())
            .WithName("ParamCountPairs");
        return endpoints;
    }
}

/// <summary>One exam pair as JSON.</summary>
/// <param name="Pair">1–5.</param>
/// <param name="First">The first network's name, e.g. <c>net1</c>.</param>
/// <param name="FirstTotal">Its trainable parameters (TorchSharp).</param>
/// <param name="Second">The second network's name.</param>
/// <param name="SecondTotal">Its trainable parameters.</param>
/// <param name="Answer">The larger network's name, or <c>same</c>.</param>
/// <param name="Why">The reason in one line.</param>
public sealed record ParamCountPair(int Pair, string First, long FirstTotal, string Second, long SecondTotal, string Answer, string Why)
{
    /// <summary>From a counted pair.</summary>
    public static ParamCountPair From(CountedPair counted) => new(
        counted.Pair.Number,
        counted.Pair.First.Name, counted.FirstTotal,
        counted.Pair.Second.Name, counted.SecondTotal,
        counted.Answer, counted.Pair.Why.ToString());
}

using Microsoft.AspNetCore.Http;
using ProfileHub.GraphQL.Execution;

namespace ProfileHub.GraphQL.Http;

/// <summary>
/// The one place that maps an outcome to an HTTP status (GraphQL over HTTP draft, section 6.4; graphql-http's
/// audits): with application/json every GraphQL response is 200; with application/graphql-response+json a
/// request error (no <c>data</c>) is 400 and anything that executed is 200. Problems with the HTTP request
/// itself (unreadable body, wrong parameters, media types, methods) have their own codes under both.
/// </summary>
internal static class ResponseStatus
{
    public static int ForResult(string mediaType, ExecutionResult result) =>
        mediaType == MediaTypes.GraphQLResponse && !result.HasData ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    public static int ForProblem(HttpProblem problem) => problem switch
    {
        HttpProblem.MalformedRequest => StatusCodes.Status400BadRequest,
        HttpProblem.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        HttpProblem.NotAcceptable => StatusCodes.Status406NotAcceptable,
        HttpProblem.MethodNotAllowed or HttpProblem.MutationOverGet => StatusCodes.Status405MethodNotAllowed,
        HttpProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The <c>Allow</c> header sent with a 405.</summary>
    public static string? AllowHeader(HttpProblem problem, bool allowGet) => problem switch
    {
        HttpProblem.MutationOverGet => "POST",
        HttpProblem.MethodNotAllowed => allowGet ? "GET, POST" : "POST",
        _ => null,
    };
}

/// <summary>What can be wrong with an HTTP request before GraphQL sees it.</summary>
internal enum HttpProblem
{
    MalformedRequest,
    UnsupportedMediaType,
    NotAcceptable,
    MethodNotAllowed,
    MutationOverGet,
    TooLarge,
}

/// <summary>An HTTP-level refusal, answered with a spec-shaped <c>{"errors":[...]}</c> body.</summary>
internal sealed class HttpProblemException : Exception
{
    public HttpProblemException()
    {
    }

    public HttpProblemException(string message)
        : base(message)
    {
    }

    public HttpProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpProblemException(HttpProblem problem, string message)
        : base(message) => Problem = problem;

    public HttpProblem Problem { get; }
}

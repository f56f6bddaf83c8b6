using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Http;

/// <summary>GraphQL over HTTP for ASP.NET Core minimal hosting: <c>app.MapGraphQL("/graphql", schema)</c>.</summary>
public static class GraphQLEndpointExtensions
{
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, Schema schema, GraphQLHttpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        options ??= new GraphQLHttpOptions();
        var endpoint = new GraphQLEndpoint(new GraphQLExecutor(schema, options.Execution), options);
        var group = endpoints.MapGroup(pattern);
        group.Map("", endpoint.HandleAsync);
        if (options.GraphiQL)
        {
            group.MapGet("graphiql/{file}", (HttpContext context, string file) => GraphiQLPage.WriteAssetAsync(context, file));
        }
        return group;
    }
}

/// <summary>Handles one HTTP request: read, negotiate, prepare, execute, answer (the status from <see cref="ResponseStatus"/>).</summary>
internal sealed class GraphQLEndpoint
{
    private readonly GraphQLExecutor _executor;
    private readonly GraphQLHttpOptions _options;
    private readonly Lazy<string> _sdl;

    public GraphQLEndpoint(GraphQLExecutor executor, GraphQLHttpOptions options)
    {
        _executor = executor;
        _options = options;
        _sdl = new Lazy<string>(executor.Schema.ToSdl);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var accept = context.Request.Headers.Accept.ToString();
        var mediaType = MediaTypes.Negotiate(accept);
        try
        {
            var isGet = HttpMethods.IsGet(context.Request.Method);
            if (isGet && _options.ServeSdl && context.Request.Query.ContainsKey("sdl"))
            {
                if (await AuthenticatedAsync(context, MediaTypes.Json))
                {
                    await WriteSdlAsync(context);
                }
                return;
            }
            if (isGet && _options.GraphiQL && MediaTypes.WantsHtml(accept) && !context.Request.Query.ContainsKey("query"))
            {
                await GraphiQLPage.WritePageAsync(context);
                return;
            }
            if (!(isGet && _options.AllowGet) && !HttpMethods.IsPost(context.Request.Method))
            {
                throw new HttpProblemException(HttpProblem.MethodNotAllowed, $"The method {context.Request.Method} is not supported: use POST{(_options.AllowGet ? " or GET" : "")}.");
            }
            if (!await AuthenticatedAsync(context, mediaType ?? MediaTypes.Json))
            {
                return;
            }
            if (mediaType is null)
            {
                throw new HttpProblemException(HttpProblem.NotAcceptable, $"None of the accepted media types is supported: use {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            }
            var request = await HttpRequestReader.ReadAsync(context.Request, _options.MaxRequestBytes, context.RequestAborted);
            // From here on the timeout and the client leaving stop the work, whichever phase it is in.
            using var deadline = _executor.StartDeadline(context.RequestAborted);
            var prepared = _executor.Prepare(request, deadline);
            if (isGet && prepared.Operation is { Operation: not OperationType.Query })
            {
                throw new HttpProblemException(HttpProblem.MutationOverGet, "Only query operations may be sent with GET: send mutations with POST.");
            }
            var result = await _executor.ExecuteAsync(prepared, request.Variables, context.RequestServices, deadline);
            await WriteAsync(context, ResponseStatus.ForResult(mediaType, result), mediaType, result);
        }
        catch (HttpProblemException problem)
        {
            var allow = ResponseStatus.AllowHeader(problem.Problem, _options.AllowGet);
            if (allow is not null)
            {
                context.Response.Headers.Allow = allow;
            }
            var result = ExecutionResult.RequestError(new GraphQLError(problem.Message, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = ErrorCodes.BadRequest }));
            await WriteAsync(context, ResponseStatus.ForProblem(problem.Problem), mediaType ?? MediaTypes.Json, result);
        }
        catch (Exception error) when (error is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A fault of the engine itself: still a GraphQL-shaped body, without details, and the host logs it.
            var logger = context.RequestServices.GetService<ILogger<GraphQLEndpoint>>();
            if (logger is not null)
            {
                LogFailure(logger, error);
            }
            var result = ExecutionResult.RequestError(new GraphQLError("Unexpected Execution Error", extensions: GraphQLError.CodeOf(ErrorCodes.InternalServerError)));
            await WriteAsync(context, StatusCodes.Status500InternalServerError, mediaType ?? MediaTypes.Json, result);
        }
    }

    /// <summary>
    /// True when the request may go on; otherwise it has been answered with the authentication scheme's challenge.
    /// The SDL asks for the same credentials as operations: it tells what introspection tells.
    /// </summary>
    private async Task<bool> AuthenticatedAsync(HttpContext context, string mediaType)
    {
        if (!_options.RequireAuthenticatedUser || context.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }
        await ChallengeAsync(context, mediaType);
        return false;
    }

    /// <summary>The schema in SDL, printed once (the schema never changes), for tools that read a schema file.</summary>
    private async Task WriteSdlAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(_sdl.Value, context.RequestAborted);
    }

    private static async Task ChallengeAsync(HttpContext context, string mediaType)
    {
        await context.ChallengeAsync();
        var result = ExecutionResult.RequestError(new GraphQLError(
            "Authentication required: send the credentials the WWW-Authenticate header asks for.", extensions: GraphQLError.CodeOf(ErrorCodes.Unauthenticated)));
        await WriteAsync(context, context.Response.StatusCode == StatusCodes.Status200OK ? StatusCodes.Status401Unauthorized : context.Response.StatusCode, mediaType, result);
    }

    private static readonly Action<ILogger, Exception?> LogFailure =
        LoggerMessage.Define(LogLevel.Error, new EventId(1, "GraphQLRequestFailed"), "GraphQL request failed");

    private static async Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, ExecutionResult.WriterOptions))
        {
            result.WriteTo(writer);
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}

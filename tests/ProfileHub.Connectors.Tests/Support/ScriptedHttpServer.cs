using System.Net;
using ProfileHub.Testing;

namespace ProfileHub.Connectors.Tests.Support;

/// <summary>A real HTTP server on loopback answering each request with the next scripted response.</summary>
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<Action<HttpListenerResponse>> _responses;
    private readonly Task _loop;

    public ScriptedHttpServer(params Action<HttpListenerResponse>[] responses)
    {
        _responses = new Queue<Action<HttpListenerResponse>>(responses);
        var port = FreePort.Find();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>When each request arrived, by the system clock.</summary>
    public List<DateTimeOffset> Requests { get; } = [];

    public static Action<HttpListenerResponse> Status(int status, string body = "", string? retryAfter = null) => response =>
    {
        response.StatusCode = status;
        if (retryAfter is not null)
        {
            response.Headers["Retry-After"] = retryAfter;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        response.OutputStream.Write(bytes);
    };

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            lock (Requests)
            {
                Requests.Add(TimeProvider.System.GetUtcNow());
            }

            var respond = _responses.Count > 0 ? _responses.Dequeue() : Status(500, "script exhausted");
            respond(context.Response);
            context.Response.Close();
        }
    }
}

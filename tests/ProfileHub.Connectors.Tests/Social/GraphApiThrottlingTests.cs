using System.Net;
using System.Text;
using ProfileHub.Connectors.Social;

namespace ProfileHub.Connectors.Tests.Social;

public sealed class GraphApiThrottlingTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 4, true)]
    [InlineData(HttpStatusCode.Forbidden, 32, true)]
    [InlineData(HttpStatusCode.BadRequest, 80014, true)]
    [InlineData(HttpStatusCode.BadRequest, 190, false)]
    [InlineData(HttpStatusCode.NotFound, 17, false)]
    public async Task Throttling_is_recognised_by_status_and_error_code(HttpStatusCode status, int code, bool throttled)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent($$$"""{"error":{"code":{{{code}}}}}""", Encoding.UTF8, "application/json") };

        Assert.Equal(throttled, await GraphApiThrottling.IsThrottledAsync(response, CancellationToken.None));
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_business_use_case_header_gives_the_longest_wait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.Add("X-Business-Use-Case-Usage", """{"111":[{"type":"pages","estimated_time_to_regain_access":2}],"222":[{"type":"ads","estimated_time_to_regain_access":5}]}""");

        Assert.Equal(TimeSpan.FromMinutes(5), GraphApiThrottling.RegainAccessIn(response));
        Assert.Null(GraphApiThrottling.RegainAccessIn(new HttpResponseMessage(HttpStatusCode.BadRequest)));
    }
}

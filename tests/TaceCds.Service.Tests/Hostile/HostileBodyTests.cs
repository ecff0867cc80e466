using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests.Hostile;

/// <summary>
/// Issue 13 rows 6 and 9: bodies that are JSON to a lenient reader but not a request — a lone surrogate escape, invalid
/// or overlong UTF-8, the same member twice — are 400 with a stable code naming the member; a wrong method is 405;
/// and no byte-level corruption of a valid request reaches a 500.
/// </summary>
public sealed class HostileBodyTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    private const string Service = "/cds-services/" + ServiceCatalog.CourseReviewId;

    private async Task<(HttpResponseMessage Response, JsonNode? Body)> PostBytes(byte[] body, string path = Service)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await _client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private Task<(HttpResponseMessage Response, JsonNode? Body)> Post(string body, string path = Service) => PostBytes(Encoding.UTF8.GetBytes(body), path);

    private const string Context = "\"context\":{\"userId\":\"Practitioner/example\",\"patientId\":\"p02\"}";

    [Theory]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"\\ud800\"," + Context + "}", "hookInstance")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"x\\udc00y\"," + Context + "}", "hookInstance")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h1\",\"context\":{\"userId\":\"Practitioner/example\",\"patientId\":\"\\ud800\"}}", "context.patientId")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h1\"," + Context + ",\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"\\udfff\"]}]}}}", "prefetch.patient.name[0].given[0]")]
    public async Task A_lone_surrogate_escape_in_a_value_is_400_CDS112_naming_the_member(string body, string field)
    {
        var (response, outcome) = await Post(body);
        OutcomeAssert.Error(response, outcome, HttpStatusCode.BadRequest, CdsErrorCodes.InvalidUnicode, field);
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_a_member_name_is_400_CDS112_naming_the_object()
    {
        var (response, outcome) = await Post("{\"hook\":\"patient-view\",\"hookInstance\":\"h1\",\"context\":{\"userId\":\"Practitioner/example\",\"patientId\":\"p02\",\"\\ud800\":1}}");
        OutcomeAssert.Error(response, outcome, HttpStatusCode.BadRequest, CdsErrorCodes.InvalidUnicode, "context");
    }

    public static TheoryData<byte[], string> BadUtf8 => new()
    {
        { [0xFF], "invalid byte FF" },
        { [0xC0, 0xAF], "overlong '/'" },
        { [0xE0, 0x80, 0xAF], "overlong '/' in 3 bytes" },
        { [0xED, 0xA0, 0x80], "UTF-8-encoded surrogate D800" },
        { [0xC3], "truncated 2-byte sequence" },
    };

    [Theory]
    [MemberData(nameof(BadUtf8))]
    public async Task Invalid_or_overlong_UTF8_in_a_string_is_400_CDS112_naming_the_member(byte[] bad, string what)
    {
        var head = Encoding.UTF8.GetBytes("{\"hook\":\"patient-view\",\"hookInstance\":\"a");
        var tail = Encoding.UTF8.GetBytes("b\"," + Context + "}");
        var (response, outcome) = await PostBytes([.. head, .. bad, .. tail]);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        OutcomeAssert.Error(response, outcome, HttpStatusCode.BadRequest, CdsErrorCodes.InvalidUnicode, "hookInstance");
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_member_name_is_400_CDS112()
    {
        var head = Encoding.UTF8.GetBytes("{\"hook\":\"patient-view\",\"hookInstance\":\"h1\"," + Context + ",\"x");
        var (response, outcome) = await PostBytes([.. head, 0xC0, 0x80, .. "\":1}"u8.ToArray()]);
        OutcomeAssert.Error(response, outcome, HttpStatusCode.BadRequest, CdsErrorCodes.InvalidUnicode, "$");
    }

    [Theory]
    [InlineData("{\"hook\":\"patient-view\",\"hook\":\"order-sign\",\"hookInstance\":\"h1\"," + Context + "}", "hook")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h1\",\"context\":{\"userId\":\"Practitioner/example\",\"patientId\":\"p02\",\"patientId\":\"p14\"}}", "context.patientId")]
    // The same name written with an escape is the same member.
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h1\",\"context\":{\"userId\":\"Practitioner/example\",\"patientId\":\"p02\",\"patient\\u0049d\":\"p14\"}}", "context.patientId")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h1\"," + Context + ",\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"p02\",\"id\":\"p14\"}}}", "prefetch.patient.id")]
    public async Task A_member_twice_in_one_object_is_400_CDS113_naming_it(string body, string field)
    {
        var (response, outcome) = await Post(body);
        OutcomeAssert.Error(response, outcome, HttpStatusCode.BadRequest, CdsErrorCodes.DuplicateMember, field);
    }

    [Fact]
    public async Task The_same_name_in_two_different_objects_is_not_a_duplicate()
    {
        var (response, _) = await Post("{\"hook\":\"patient-view\",\"hookInstance\":\"h1\",\"context\":{\"userId\":\"Practitioner/example\",\"patientId\":\"p02\"},\"extension\":{\"context\":{\"patientId\":\"x\"}}}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Feedback_bodies_refuse_duplicate_members_too()
    {
        var (response, outcome) = await Post("{\"feedback\":[],\"feedback\":[]}", Service + "/feedback");
        OutcomeAssert.Error(response, outcome, HttpStatusCode.BadRequest, CdsErrorCodes.DuplicateMember, "feedback");
    }

    [Theory]
    [InlineData("GET", Service, "POST")]
    [InlineData("PUT", Service, "POST")]
    [InlineData("DELETE", Service, "POST")]
    [InlineData("GET", Service + "/feedback", "POST")]
    [InlineData("POST", "/cds-services", "GET")]
    [InlineData("PUT", "/cds-services", "GET")]
    public async Task A_known_path_with_a_wrong_method_is_405_CDS205_with_Allow(string method, string path, string allowed)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = SampleRequests.Json("{}") });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        OutcomeAssert.Error(response, body, HttpStatusCode.MethodNotAllowed, CdsErrorCodes.MethodNotAllowed);
        Assert.Equal(allowed, Assert.Single(response.Content.Headers.Allow));
    }

    [Fact]
    public async Task An_unknown_path_stays_404_CDS204()
    {
        var response = await _client.GetAsync("/nothing-here");
        OutcomeAssert.Error(response, JsonNode.Parse(await response.Content.ReadAsStringAsync()), HttpStatusCode.NotFound, CdsErrorCodes.NotFound);
    }

    /// <summary>
    /// 400 corruptions of a valid patient-view (seeded): a byte replaced by a hostile one (bad UTF-8 lead and
    /// continuation bytes, quotes, backslashes, braces) or an escape inserted. Every answer is 200, 4xx or 412 — never 500.
    /// </summary>
    [Fact]
    public async Task No_byte_level_corruption_of_a_valid_request_reaches_a_500()
    {
        var valid = Encoding.UTF8.GetBytes(SampleRequests.PatientView("p02").ToJsonString());
        byte[] hostile = [0xFF, 0xC0, 0xED, 0x80, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', 0x00, (byte)','];
        string[] escapes = ["\\ud800", "\\udc00", "\\u0000", "\\", "\\x"];
        var random = new Random(13);
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < 400; i++)
        {
            byte[] body;
            var at = random.Next(valid.Length);
            if (i % 2 == 0)
            {
                body = (byte[])valid.Clone();
                body[at] = hostile[random.Next(hostile.Length)];
            }
            else
            {
                body = [.. valid.AsSpan(0, at), .. Encoding.ASCII.GetBytes(escapes[random.Next(escapes.Length)]), .. valid.AsSpan(at)];
            }
            var (response, _) = await PostBytes(body);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"variant {i} (byte {at}) gave {status}: {Encoding.UTF8.GetString(body)}");
        }
        Assert.True(statuses.GetValueOrDefault(400) > 100, "most corruptions should be refused: " + string.Join(", ", statuses));
    }
}

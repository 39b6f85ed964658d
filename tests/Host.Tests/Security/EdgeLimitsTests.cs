using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SendWorkflow.Host.Tests.Security;

/// <summary>What the edge refuses before anything is stored, and what each role may read of schools and boroughs.</summary>
public sealed class EdgeLimitsTests
{
    [Theory]
    [InlineData("Ava\u0000Smith")]
    [InlineData("Ava\r\nSmith")]
    [InlineData("Ava \u001b[31mSmith")]
    [InlineData("Ava \u202eSmith")]
    [InlineData("\u2066Ava\u2069")]
    public async Task ANameWithControlOrDirectionCharacters_IsRefused_AndNoPupilIsAdded(string name)
    {
        await using var w = await StaffWorld.CreateAsync();
        var response = await w.As("senco").PostAsJsonAsync("/api/pupils",
            new { id = "hidden", name, dateOfBirth = "2018-05-01", schoolId = "oakfield", yearGroup = 3, className = "3 Oak" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("control characters or direction marks", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await w.P.Http.GetAsync("/api/pupils/hidden")).StatusCode);
    }

    [Fact]
    public async Task AClassNameWithADirectionMark_IsRefusedOnUpdate()
    {
        await using var w = await StaffWorld.CreateAsync();
        var response = await w.As("senco").PutAsJsonAsync("/api/pupils/ava", new { className = "3 \u202eOak" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("3 Oak", (string?)(await w.P.Http.GetFromJsonAsync<JsonObject>("/api/pupils/ava"))!["className"]);
    }

    [Fact]
    public async Task SchoolsAndBoroughs_AreReadByTheirOwnPeople_AndAreNotFoundByOthers()
    {
        await using var w = await StaffWorld.CreateAsync();
        (string User, string Path, HttpStatusCode Status)[] cases =
        [
            ("senco", "/api/schools/oakfield", HttpStatusCode.OK), ("senco", "/api/schools/elm", HttpStatusCode.NotFound),
            ("elm-senco", "/api/schools/oakfield", HttpStatusCode.NotFound), ("la", "/api/schools/oakfield", HttpStatusCode.OK),
            ("la-north", "/api/schools/oakfield", HttpStatusCode.NotFound), ("governor", "/api/schools/oakfield", HttpStatusCode.OK),
            ("senco", "/api/boroughs/demo-borough", HttpStatusCode.OK), ("senco", "/api/boroughs/north", HttpStatusCode.NotFound),
            ("la", "/api/boroughs/north", HttpStatusCode.NotFound), ("la-north", "/api/boroughs/north", HttpStatusCode.OK),
            ("admin", "/api/boroughs/north", HttpStatusCode.OK), ("admin", "/api/schools/elm", HttpStatusCode.OK),
        ];
        foreach (var (user, path, status) in cases)
            Assert.True(status == (await w.As(user).GetAsync(path)).StatusCode, $"{user} reading {path}");
        var denied = (await w.P.Http.GetFromJsonAsync<JsonArray>("/api/audit?action=denied"))!;
        Assert.Contains(denied, a => (string?)a!["path"] == "/api/schools/elm" && (string?)a["userName"] == "The senco");
    }
}

using Microsoft.Data.Sqlite;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>The few API calls the resilience tests make against a child service, and what they read back from its file.</summary>
internal static class ChildApi
{
    /// <summary>A borough, a school and <paramref name="count"/> pupils started on the pathway; returns the instance ids.</summary>
    public static async Task<List<string>> StartPupilsAsync(HttpClient http, int count)
    {
        (await http.PostAsJsonAsync("/api/boroughs", new { id = "demo-borough", name = "Demo Borough" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/schools", new { id = "oakfield", name = "Oakfield Primary", boroughId = "demo-borough" }))
            .EnsureSuccessStatusCode();
        var instances = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var pupil = $"pupil-{i}-{Guid.NewGuid():N}"[..24];
            (await http.PostAsJsonAsync("/api/pupils", new { id = pupil, name = "Test Pupil", dateOfBirth = "2018-05-01", schoolId = "oakfield",
                yearGroup = 3 })).EnsureSuccessStatusCode();
            var started = await http.PostAsJsonAsync("/api/instances", new { definitionId = "send-pathway", pupilId = pupil });
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            instances.Add((string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }
        return instances;
    }

    /// <summary>A review with expected progress: the pupil stays at stage 1, so it can be sent any number of times.</summary>
    /// <remarks>The marker goes in the review's notes, so the journal row of each acknowledged event can be found.</remarks>
    public static Task<HttpResponseMessage> PostReviewAsync(HttpClient http, string instanceId, string marker) =>
        http.PostAsJsonAsync($"/api/instances/{instanceId}/events",
            new { name = "review.completed", data = new { progress = "expected", notes = marker } });

    public static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The notes of every event in the journal (one entry per journal row).</summary>
    public static List<string> JournaledMarkers(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Data FROM Journal WHERE Kind = 'event'";
        using var reader = command.ExecuteReader();
        var markers = new List<string>();
        while (reader.Read())
        {
            if (JsonNode.Parse(reader.GetString(0))?["notes"]?.GetValue<string>() is { } notes) markers.Add(notes);
        }
        return markers;
    }

    /// <summary>Audit rows as (method, path, resource id, action, status).</summary>
    public static List<(string Method, string Path, string? ResourceId, string Action, int Status)> AuditRows(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Method, Path, ResourceId, Action, Status FROM Audit";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string?, string, int)>();
        while (reader.Read())
        {
            var resourceId = reader.IsDBNull(2) ? null : reader.GetString(2);
            rows.Add((reader.GetString(0), reader.GetString(1), resourceId, reader.GetString(3), reader.GetInt32(4)));
        }
        return rows;
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Web;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Integration.Classroom;

/// <summary>
/// A <see cref="LabServer"/> in classroom mode (<c>Classroom:Enabled</c>, a join code, two listed instructors and their code) with
/// two students and the instructor registered and logged in through <c>/api/auth</c>, as scripts do.
/// </summary>
public sealed class ClassroomServerFixture : IAsyncLifetime
{
    public const string JoinCode = "owl-42", Password = "correct horse battery";
    public const string InstructorEmail = "teacher@example.edu", InstructorCode = "hoot-hoot-7";

    /// <summary>Listed as instructors too, but left unregistered for the tests.</summary>
    public const string AssistantEmail = "assistant@example.edu", TutorEmail = "tutor@example.edu";

    private LabServer? _server;

    public LabServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public ClassroomAccount StudentA { get; private set; } = null!;
    public ClassroomAccount StudentB { get; private set; } = null!;
    public ClassroomAccount Instructor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await StartAsync();
        StudentA = await SignUpAsync("a@example.edu");
        StudentB = await SignUpAsync("b@example.edu");
        Instructor = await SignUpAsync(Server, InstructorEmail.ToUpperInvariant(), InstructorCode);
    }

    /// <summary>A classroom server as this fixture's, with <paramref name="settings"/> added (e.g. smaller quotas) and its own state unless <paramref name="stateRoot"/> is given.</summary>
    public static Task<LabServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? stateRoot = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Classroom:Enabled"] = "true",
            ["Classroom:JoinCode"] = JoinCode,
            ["Classroom:Instructors:0"] = InstructorEmail,
            ["Classroom:Instructors:1"] = AssistantEmail,
            ["Classroom:Instructors:2"] = TutorEmail,
            ["Classroom:InstructorCode"] = InstructorCode,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return LabServer.StartAsync(stateRoot, new LabServerOptions { Settings = all });
    }

    /// <summary>Registers (with the join code) and logs in for a bearer token.</summary>
    public Task<ClassroomAccount> SignUpAsync(string email) => SignUpAsync(Server, email);

    /// <summary>Registers on <paramref name="server"/> with <paramref name="code"/> (the join code, or the instructor code for a listed instructor) and logs in for a bearer token.</summary>
    public static async Task<ClassroomAccount> SignUpAsync(LabServer server, string email, string code = JoinCode)
    {
        using var anonymous = server.CreateClient();
        var registered = await anonymous.PostAsJsonAsync($"api/auth/register?joinCode={code}", new { email, password = Password });
        registered.EnsureSuccessStatusCode();
        return await LogInAsync(server, email);
    }

    /// <summary>Logs an existing account in on <paramref name="server"/> for a bearer token.</summary>
    public static async Task<ClassroomAccount> LogInAsync(LabServer server, string email)
    {
        using var anonymous = server.CreateClient();
        var login = await anonymous.PostAsJsonAsync("api/auth/login?useCookies=false", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ClassroomAccount(email, token, http, server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        foreach (var account in new[] { StudentA, StudentB, Instructor }.OfType<ClassroomAccount>()) account.Http.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>A signed-in account: its bearer token, an HTTP client that sends it, and hub connections that do.</summary>
public sealed record ClassroomAccount(string Email, string Token, HttpClient Http, Uri BaseAddress)
{
    /// <summary>A started hub connection sending the token as the .NET client does (Authorization header).</summary>
    public async Task<HubConnection> ConnectHubAsync()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "hubs/training"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(Token))
            .AddJsonProtocol(o => LabJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await hub.StartAsync();
        return hub;
    }
}

[CollectionDefinition(Name)]
public sealed class ClassroomServerCollection : ICollectionFixture<ClassroomServerFixture>
{
    public const string Name = "classroom server";
}

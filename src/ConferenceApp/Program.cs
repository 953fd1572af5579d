using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Agenda;
using ConferenceApp.Features.Interop.Api;
using ConferenceApp.Features.Interop.Calendar;
using ConferenceApp.Features.Interop.Frab;
using ConferenceApp.Features.Interop.Import;
using ConferenceApp.Features.Organize;
using ConferenceApp.Features.Program;
using ConferenceApp.Features.Speakers;
using ConferenceApp.Features.Speakers.Invitations;
using ConferenceApp.Infrastructure;
using ConferenceApp.Infrastructure.Caching;
using ConferenceApp.Infrastructure.Health;

var command = AppCommand.Parse(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command.HostArguments, ContentRootPath = ContentRoot.ForPublishedApp() });

// Lets `dotnet run` serve wwwroot in every environment, not only in Development. A published app has its own manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddConferenceDatabase(builder.Configuration, builder.Environment);
builder.Services.AddConferenceAccounts(builder.Configuration);
builder.Services.AddConferenceWeb(builder.Configuration);
builder.Services.AddPublicCaching(builder.Configuration);
builder.Services.AddConferenceHealthChecks(builder.Configuration);
builder.Services.AddConferenceServices(builder.Configuration);
builder.Services.AddProgramFeature();
builder.Services.AddOrganizeFeature();
builder.Services.AddSpeakerFeature(builder.Configuration);
builder.Services.AddSpeakerInvitations(builder.Configuration);
builder.Services.AddCalendarExports();
builder.Services.AddAgendaFeature();
builder.Services.AddFrabExport();
builder.Services.AddJsonApi();
builder.Services.AddProgramImport(builder.Configuration);

var app = builder.Build();
if (!app.HasNoSampleSecrets())
{
    return 1;
}

if (command.Name is not null)
{
    return await command.RunAsync(app);
}

if (!await app.TryPrepareDatabaseAsync())
{
    return 1;
}

app.UseConferenceWeb();
app.UsePublicCaching();
app.MapConferenceRoutes();
app.MapHealthEndpoints();
app.MapJsonApi();

await app.RunAsync();
return 0;

/// <summary>The entry point's type, public so that integration tests can host the app.</summary>
public partial class Program;

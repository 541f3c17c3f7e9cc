using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MQTTnet.AspNetCore;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Api;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Bridge;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Commands;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.LineTest;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Metrics;
using TiepCongDan.Hub.Options;
using TiepCongDan.Hub.Provisioning;
using TiepCongDan.Hub.Reception;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Reports;
using TiepCongDan.Hub.SelfTest;
using TiepCongDan.Hub.Sparkplug;
using TiepCongDan.Hub.Storage;
using TiepCongDan.Hub.Web;

namespace TiepCongDan.Hub;

/// <summary>
/// Builds the hub: the entry for Program and for tests, which start the real hub in-process on
/// free ports with a temporary DataDirectory. Configuration: appsettings.json beside the binary,
/// environment (Hub__Mqtt__Mode=External), command line (--Hub:Mqtt:Mode=External).
/// </summary>
public static class HubApp
{
    private const string SmartScheme = "tcd";

    /// <summary>Reads and checks the configuration; throws <see cref="HubConfigurationException"/> with the technician's sentence.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var section = builder.Configuration.GetSection(HubOptions.SectionName);
        HubOptions options;
        try
        {
            options = section.Get<HubOptions>() ?? new HubOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new HubConfigurationException(ex.InnerException?.Message is { } inner ? $"{ex.Message} ({inner})" : ex.Message, ex);
        }

        var errors = HubOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new HubConfigurationException(string.Join(" ", errors));
        }

        Directory.CreateDirectory(options.DataDirectoryFullPath);
        var secret = FleetSecret.LoadOrCreate(options.Fleet.DeviceSecretPath(options.DataDirectoryFullPath));

        var services = builder.Services;
        services.AddOptions<HubOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HubOptions>, HubOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(secret);
        services.AddSingleton(new HubCredential(options.HostId));
        services.AddSingleton(sp => new BrokerAuthorizer(secret, sp.GetRequiredService<HubCredential>(), options.Fleet.RevokedKiosks));
        // Replaces the authorizer above with one reading the stored revocations too (decision 0023).
        services.AddKioskProvisioning();
        services.AddSingleton<HubMetrics>();
        services.AddSingleton<KioskRegistry>();
        services.AddSingleton<KioskEventBroadcaster>();
        services.AddSingleton(_ => new HubDatabase(options.DataDirectoryFullPath));
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<HostConnection>();
        services.AddSingleton<NodeCommandSender>();
        services.AddSingleton(sp => new RebirthLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SparkplugIngest>();
        services.AddSingleton<EmbeddedBrokerRules>();
        services.AddMediaArchive(options.DataDirectoryFullPath);
        services.AddSelfTestReports();
        services.AddSessionArchive(options.DataDirectoryFullPath);
        services.AddReceptionRegister(options.DataDirectoryFullPath, options.Reception);
        services.AddServiceReports(builder.Configuration);
        services.AddSrtIngest();
        services.AddBridge(builder.Configuration);
        services.AddFleetAlerts(builder.Configuration, sp =>
        {
            var selfTests = sp.GetRequiredService<SelfTestStore>();
            return id => selfTests.Latest(id) is { } report ? !report.Passed : null;
        });
        services.AddProvinceScopedAccess();
        services.AddSingleton<LineTestService>();
        services.AddRemoteCommands(builder.Configuration, options.DataDirectoryFullPath);
        // Order matters: the stored registry is loaded before the primary host hears any birth.
        services.AddSingleton<RegistryFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistryFlusher>());
        services.AddHostedService<PrimaryHostService>();

        // Cookies stay valid across restarts; the keys live with the rest of the hub's state.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectoryFullPath, "keys")));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        ConfigureKestrel(builder, options);
        if (options.Mqtt.IsEmbedded)
        {
            services.AddHostedMqttServer(o => o.WithoutDefaultEndpoint().WithDefaultCommunicationTimeout(TimeSpan.FromSeconds(15)))
                .AddMqttConnectionHandler()
                .AddConnections();
        }

        ConfigureAuth(services);
        return builder;
    }

    /// <summary>Builds the app with every endpoint mapped; creates the first admin when there is none.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptions<HubOptions>>().Value;
        if (options.Mqtt.IsEmbedded)
        {
            var rules = app.Services.GetRequiredService<EmbeddedBrokerRules>();
            app.UseMqttServer(rules.Attach);
            // MQTTnet checks keep-alives every 500 ms by default, so a hung kiosk showed offline up to
            // half a second after 1.5 x its keep-alive; the builder does not expose the interval.
            app.Services.GetRequiredService<MQTTnet.Server.MqttServerOptions>().KeepAliveOptions.MonitorInterval = TimeSpan.FromMilliseconds(100);
        }

        // Kestrel waits for open connections when stopping; MQTT connections never end by themselves,
        // so the primary host leaves and the embedded broker closes them first.
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() => ShutdownMqttAsync(app.Services).GetAwaiter().GetResult());

        AdminBootstrap.EnsureAdmin(app.Services.GetRequiredService<UserStore>(), app.Logger,
            app.Configuration[AdminBootstrap.EnvironmentVariable], Console.Out);

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDeviceEndpoints();
        app.MapUserEndpoints();
        app.MapEventsEndpoint();
        app.MapOperationsEndpoints();
        app.MapPageEndpoints();
        app.MapMediaEndpoints();
        app.MapArchiveEndpoints();
        app.MapReceptionEndpoints();
        app.MapReportEndpoints();
        app.MapBridgeEndpoints();
        app.MapLineTestEndpoints();
        app.MapSelfTestEndpoints();
        app.MapKioskProvisioningEndpoints();
        app.MapAlertEndpoints();
        app.MapCommandEndpoints();
        app.MapAuditEndpoints();
        return app;
    }

    private static async Task ShutdownMqttAsync(IServiceProvider services)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var host = services.GetServices<IHostedService>().OfType<PrimaryHostService>().FirstOrDefault();
        if (host is not null)
        {
            await host.GoOfflineAsync(timeout.Token);
        }

        if (services.GetService<MQTTnet.Server.MqttServer>() is { IsStarted: true } server)
        {
            try
            {
                await server.StopAsync(new MQTTnet.Server.MqttServerStopOptions());
            }
            catch (Exception)
            {
                // Stopping anyway; the hosted server's own stop follows.
            }
        }
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, HubOptions options)
    {
        var httpAddresses = options.Http.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => ListenAddress.TryParseHttpUrl(url, out var listen, out _) ? listen! : throw new HubConfigurationException(url))
            .ToList();
        X509Certificate2? serverCertificate = null;
        ClientCertificateValidator? clientValidator = null;
        if (options.Mqtt.IsEmbedded && options.Mqtt.Tls.Enabled)
        {
            try
            {
                serverCertificate = X509CertificateLoader.LoadPkcs12FromFile(options.Mqtt.Tls.CertificatePath, options.Mqtt.Tls.CertificatePassword);
                if (!string.IsNullOrWhiteSpace(options.Mqtt.Tls.ClientCaPath))
                {
                    clientValidator = new ClientCertificateValidator(options.Mqtt.Tls.ClientCaPath);
                }
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw new HubConfigurationException($"Hub:Mqtt:Tls: cannot read the certificate files ({ex.Message}); check the PFX password and the PEM file.", ex);
            }
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var http in httpAddresses)
            {
                kestrel.Listen(http.Address, http.Port);
            }

            if (!options.Mqtt.IsEmbedded)
            {
                return;
            }

            var mqttAddress = ListenAddress.TryParseHost(options.Mqtt.Embedded.BindAddress, out var parsed) ? parsed : System.Net.IPAddress.Loopback;
            kestrel.Listen(mqttAddress, options.Mqtt.Embedded.Port, l => l.UseMqtt());
            if (serverCertificate is not null)
            {
                kestrel.ListenAnyIP(options.Mqtt.Tls.Port, l =>
                {
                    l.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = serverCertificate,
                        ClientCertificateMode = clientValidator is null ? ClientCertificateMode.NoCertificate : ClientCertificateMode.AllowCertificate,
                        // The chain is checked against the fleet CA only, not the machine's public CAs.
                        ClientCertificateValidation = (certificate, _, errors) =>
                            clientValidator is not null && ClientCertificateValidator.IgnorePolicyErrors(errors)
                            && clientValidator.Validate(certificate, out string _),
                    });
                    l.UseMqtt();
                });
            }
        });
    }

    private static void ConfigureAuth(IServiceCollection services)
    {
        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Basic or cookie", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "tcd-hub-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.LoginPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = OperatorCookie.ValidateAsync;
                o.Events.OnRedirectToLogin = context =>
                {
                    if (IsApi(context.Request))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = "Basic realm=\"tcd-hub\", charset=\"UTF-8\"";
                        return Task.CompletedTask;
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.AnyUser, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.OperatorOrAdmin, p => p.RequireRole(Roles.Operator, Roles.Admin))
            .AddPolicy(Policies.AdminOnly, p => p.RequireRole(Roles.Admin));
    }

    private static string SelectScheme(HttpContext context)
    {
        if (!string.IsNullOrEmpty(context.Request.Headers.Authorization))
        {
            return BasicAuthenticationHandler.SchemeName;
        }

        if (context.Request.Cookies.ContainsKey("tcd-hub-auth"))
        {
            return CookieAuthenticationDefaults.AuthenticationScheme;
        }

        return IsApi(context.Request) ? BasicAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal);
}

using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Reports;

/// <summary>Registers the service report and the register export (options "Hub:Reports", validated at start).</summary>
public static class ReportServiceRegistration
{
    public static IServiceCollection AddServiceReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportOptions>, ReportOptionsValidator>();
        services.AddSingleton<ServiceReportBuilder>();
        services.AddSingleton<RegisterExporter>();
        return services;
    }
}

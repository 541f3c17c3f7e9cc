namespace TiepCongDan.Contracts.Reception;

/// <summary>The kinds of case a reception session handles (Luật Tiếp công dân), as stored and sent by the API.</summary>
public static class CaseKinds
{
    /// <summary>Khiếu nại.</summary>
    public const string Complaint = "complaint";

    /// <summary>Tố cáo.</summary>
    public const string Denunciation = "denunciation";

    /// <summary>Kiến nghị.</summary>
    public const string Petition = "petition";

    /// <summary>Phản ánh.</summary>
    public const string Feedback = "feedback";

    public static IReadOnlyList<string> All { get; } = [Complaint, Denunciation, Petition, Feedback];

    public static bool IsValid(string? kind) => kind is Complaint or Denunciation or Petition or Feedback;

    /// <summary>The Vietnamese name a person reads.</summary>
    public static string VietnameseName(string? kind) => kind switch
    {
        Complaint => "Khiếu nại",
        Denunciation => "Tố cáo",
        Petition => "Kiến nghị",
        Feedback => "Phản ánh",
        _ => "Chưa phân loại",
    };
}

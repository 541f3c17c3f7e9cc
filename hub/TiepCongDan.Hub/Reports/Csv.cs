using System.Text;

namespace TiepCongDan.Hub.Reports;

/// <summary>RFC 4180 CSV with a UTF-8 byte order mark, so a spreadsheet opens Vietnamese letters as they are.</summary>
internal static class Csv
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var cell = cells[i] ?? string.Empty;
            // A leading = + - @ would be a formula in a spreadsheet: quoted with a ' in front (CSV injection).
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                cell = "'" + cell;
            }

            text.Append(cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }

        text.Append("\r\n");
    }
}

using System.Buffers.Binary;

namespace TiepCongDan.Srt.Tests;

/// <summary>Numbered 1316-byte messages: the first 4 bytes are the sequence, the rest a pattern derived from it.</summary>
internal static class SrtPipe
{
    public static byte[] Message(int sequence)
    {
        var message = new byte[SrtConnection.MaxMessageBytes];
        BinaryPrimitives.WriteInt32BigEndian(message, sequence);
        for (var i = 4; i < message.Length; i++)
        {
            message[i] = (byte)(sequence + i);
        }

        return message;
    }

    /// <summary>Reads until <paramref name="count"/> messages or silence; returns the sequences seen, checking every payload.</summary>
    public static List<int> ReceiveNumbered(SrtConnection connection, int count, TimeSpan silence)
    {
        connection.SetReceiveTimeout(silence);
        var seen = new List<int>(Math.Min(count, 4096));
        var buffer = new byte[1500];
        while (seen.Count < count)
        {
            int n;
            try
            {
                n = connection.Receive(buffer);
            }
            catch (TimeoutException)
            {
                break;
            }

            if (n == 0)
            {
                break;
            }

            Assert.Equal(SrtConnection.MaxMessageBytes, n);
            var sequence = BinaryPrimitives.ReadInt32BigEndian(buffer);
            Assert.Equal(Message(sequence), buffer[..n]);
            seen.Add(sequence);
        }

        return seen;
    }
}

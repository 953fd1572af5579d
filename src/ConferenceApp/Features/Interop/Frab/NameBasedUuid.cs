using System.Security.Cryptography;
using System.Text;

namespace ConferenceApp.Features.Interop.Frab;

/// <summary>
/// Name-based UUIDs of version 5 (RFC 4122 section 4.3, SHA-1): the same namespace and name
/// always give the same UUID, so an exported item keeps its GUID across exports and releases.
/// </summary>
public static class NameBasedUuid
{
    /// <summary>The namespace for domain names from RFC 4122 appendix C, used by the standard test vectors.</summary>
    public static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>Creates the version 5 UUID of <paramref name="name"/>, encoded as UTF-8, in <paramref name="namespaceId"/>.</summary>
    public static Guid Create(Guid namespaceId, string name)
    {
        // RFC 4122 hashes the namespace in network byte order, big-endian.
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);

        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);

#pragma warning disable CA5350 // RFC 4122 defines version 5 with SHA-1; it is an identifier here, not a security measure.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350

        var uuid = hash[..16];

        // The high nibble of byte 6 is the version (5), and the top two bits of byte 8 are the variant (10).
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}

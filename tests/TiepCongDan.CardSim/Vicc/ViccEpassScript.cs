namespace TiepCongDan.CardSim.Vicc;

/// <summary>
/// The Python that runs vicc's ePass card mended for Python 3 (kept here as text so the fixture needs
/// no build item: written next to its private copy of the package at start). The mends are listed
/// in <see cref="ViccCard"/>.
/// </summary>
internal static class ViccEpassScript
{
    public const string Source = """"
"""The independent ePass card of Debian's python3-virtualsmartcard (vsmartcard 3.3), mended for
Python 3 in a private copy and served to a vpcd reader. Run by the ViccCard test fixture:

    python3 vicc_epass.py WORKDIR PORT MRZ_TD3(88 characters)

The package under /usr is never modified: it is copied to WORKDIR and the copy is patched.
Every mend checks that the text it replaces is there, so a changed package fails loudly.
"""
import os
import shutil
import socket
import struct
import sys

SOURCE = "/usr/lib/python3/site-packages/virtualsmartcard/virtualsmartcard"


def mend(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        sys.exit("vicc mend failed: %s no longer contains %r" % (path, old))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


def prepare(workdir):
    package = os.path.join(workdir, "virtualsmartcard")
    shutil.rmtree(package, ignore_errors=True)
    shutil.copytree(SOURCE, package, ignore=shutil.ignore_patterns("__pycache__"))
    crypto = os.path.join(package, "CryptoUtils.py")
    # 1. Debian's python3-pycryptodome installs the Cryptodome namespace, not Crypto.
    mend(crypto, "from Crypto.Cipher import", "from Cryptodome.Cipher import")
    mend(crypto, "from Crypto.Hash import HMAC", "from Cryptodome.Hash import HMAC")
    mend(crypto, "from Crypto.Hash import SHA, MD5", "from Cryptodome.Hash import SHA, MD5")
    # 2. operation_on_string treats its operands as str (chr/ord): bytes in Python 3.
    mend(crypto,
         '        result.append(chr(op(ord(string1[i]), ord(string2[i]))))\n    return "".join(result)',
         '        result.append(op(string1[i], string2[i]))\n    return bytes(result)')
    # 3. TLVutils.pack builds bytes, then joins them as if they were a list of str.
    mend(os.path.join(package, "TLVutils.py"), '    return b"".join(result)', '    return result')
    mend_secure_messaging(package)
    sys.path.insert(0, workdir)


def mend_secure_messaging(package):
    """After BAC, vicc's secure messaging (SEutils) still mixes str and bytes; mended here, plus
    the one ICAO 9303-11 rule it leaves out: the protected response carries DO'99' (the status
    word), and the MAC covers it."""
    se = os.path.join(package, "SEutils.py")
    # 4. parse_SM_CAPDU collects the plain data and the MAC input in str.
    mend(se, 'return_data = ["", ]', 'return_data = [b"", ]')
    mend(se, '            to_authenticate = ""', '            to_authenticate = b""')
    mend(se, 'padding_indicator = stringtoint(value[0])', 'padding_indicator = value[0]')
    mend(se, 'data="".join(return_data))', 'data=b"".join(return_data))')
    # 5. protect_response builds the response in str and tests for "" (always unequal to bytes).
    mend(se, '        return_data = ""\n        # if sw == SW["NORMAL"]:', '        return_data = b""\n        # if sw == SW["NORMAL"]:')
    mend(se, '        if result != "":  # Encrypt', '        if result:  # Encrypt')
    mend(se, '            encrypted = "\\x01" + encrypted', '            encrypted = b"\\x01" + encrypted')
    # 6. DO'99' with the status word before the MAC (ICAO 9303-11 §9.8.6: mandatory in every protected response).
    mend(se, '        if sw == SW["NORMAL"]:\n            if self.cct.algorithm is None:',
         '        return_data += pack([(0x99, 2, inttostring(sw, 2))])\n        if sw == SW["NORMAL"]:\n            if self.cct.algorithm is None:')
    # 7. The send sequence counter is 8 bytes in the MAC input, leading zeros included.
    mend(os.path.join(package, "CryptoUtils.py"), '            data = inttostring(ssc) + data', '            data = inttostring(ssc, 8) + data')


def build_card(mrz):
    """The ePass file system of CardGenerator.__generate_ePass, without its stdin prompts and photo."""
    from virtualsmartcard.SmartcardFilesystem import MF, DF, TransparentStructureEF
    from virtualsmartcard.TLVutils import pack
    from virtualsmartcard.VirtualSmartcard import Iso7816OS
    from virtualsmartcard.cards.ePass import PassportSAM

    mrz = mrz.encode("ascii")
    if len(mrz) != 88:
        sys.exit("vicc ePass needs a TD3 MRZ of 88 characters, got %d" % len(mrz))
    mf = MF()
    df = DF(parent=mf, fid=4, dfname=b"\xa0\x00\x00\x02G\x10\x01", bertlv_data=[])
    # CardGenerator writes the tag list as the text "6175" under length 2; the tags themselves are 61 (DG1) and 75 (DG2).
    com = pack([(0x5F01, 4, b"0107"), (0x5F36, 6, b"040000"), (0x5C, 2, b"\x61\x75")])
    com = pack(((0x60, len(com), com),))
    df.append(TransparentStructureEF(parent=df, fid=0x011E, filedescriptor=0, data=com))
    dg1 = pack([(0x5F1F, len(mrz), mrz)])
    dg1 = pack([(0x61, len(dg1), dg1)])
    df.append(TransparentStructureEF(parent=df, fid=0x0101, filedescriptor=0, data=dg1))
    df.append(TransparentStructureEF(parent=df, fid=0x0102, filedescriptor=0, data=b""))
    df.append(TransparentStructureEF(parent=df, fid=0x010D, filedescriptor=0, data=b""))
    mf.append(df)
    return Iso7816OS(mf, PassportSAM(mf))


def receive(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def serve(card, port):
    """vpcd's protocol, as VirtualICC.run speaks it: 2-byte length, then control byte or APDU."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print("vicc ePass on vpcd port %d" % port, flush=True)
    while True:
        header = receive(sock, 2)
        if header is None:
            return
        size = struct.unpack("!H", header)[0]
        msg = receive(sock, size) if size else b""
        if msg is None:
            return
        if size == 1:
            if msg == b"\x00":
                card.powerDown()
            elif msg == b"\x01":
                card.powerUp()
            elif msg == b"\x02":
                card.reset()
            elif msg == b"\x04":
                atr = card.getATR()
                sock.sendall(struct.pack("!H", len(atr)) + atr)
            continue
        answer = card.execute(msg)
        sock.sendall(struct.pack("!H", len(answer)) + answer)


def main():
    workdir, port, mrz = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    prepare(workdir)
    serve(build_card(mrz), port)


if __name__ == "__main__":
    main()
"""";
}

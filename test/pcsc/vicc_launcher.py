#!/usr/bin/python3
"""
The project's own launcher for vsmartcard's `vicc` (Debian 12's python3-virtualsmartcard),
working around its three bugs (see /work/shared/notes/TOOLCHAIN.md):
  1. the module is not on sys.path            -> add /usr/lib/python3/site-packages/virtualsmartcard
  2. it imports `Crypto`, Debian has `Cryptodome` -> a temp folder with a `Crypto` symlink
  3. TLVutils.pack breaks on FCI/FCP          -> replaced by a working version
and giving the card a PKCS#15 file system (`vicc -f` is ignored in 3.3):

  MF 3F00
   |- EF.DIR 2F00        application template: AID A000000063504B43532D3135, path 3F005015
   `- DF 5015 (AID A000000063504B43532D3135)
       |- EF.ODF 5031    certificates -> 3F0050154404
       |- EF.CDF 4404    one entry per certificate -> 3F005015 43xx
       `- EF 4301, 4302, ...   the DER certificates given with --cert, in order

--mode plain gives a card with no PKCS#15 application (the bridge must say UNSUPPORTED_CARD).
--reconnect keeps the card "in the reader" across pcscd restarts: when the connection to vpcd
drops, it reconnects every 200 ms instead of exiting.
"""
import argparse
import atexit
import logging
import os
import shutil
import sys
import tempfile
import time

VSC_PATH = "/usr/lib/python3/site-packages/virtualsmartcard"
CRYPTODOME = "/usr/lib/python3/dist-packages/Cryptodome"

shim = tempfile.mkdtemp(prefix="vicc-crypto-")
atexit.register(shutil.rmtree, shim, True)
os.symlink(CRYPTODOME, os.path.join(shim, "Crypto"))
sys.path.insert(0, shim)
sys.path.insert(0, VSC_PATH)
if "/usr/lib/python3/dist-packages" not in sys.path:
    sys.path.append("/usr/lib/python3/dist-packages")

from virtualsmartcard import TLVutils  # noqa: E402
from virtualsmartcard.SmartcardFilesystem import DF, TransparentStructureEF  # noqa: E402
from virtualsmartcard.VirtualSmartcard import VirtualICC  # noqa: E402


def _fixed_pack(tlv_data, recalculate_length=False):
    result = b""
    for data in tlv_data:
        tag, length, value = data[:3]
        if tag in (0xFF, 0x00):
            result += bytes([tag])
            continue
        if not isinstance(value, bytes):
            value = _fixed_pack(value, recalculate_length)
        if recalculate_length:
            length = len(value)
        t = b""
        while tag > 0:
            t = bytes([tag & 0xFF]) + t
            tag >>= 8
        if length < 0x7F:
            l = bytes([length])
        else:
            l = b""
            while length > 0:
                l = bytes([length & 0xFF]) + l
                length >>= 8
            l = bytes([0x80 | len(l)]) + l
        result += t + l + value
    return result


TLVutils.pack = _fixed_pack

PKCS15_AID = bytes.fromhex("A000000063504B43532D3135")


def der(tag, value):
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82, n >> 8, n & 0xFF])
    return bytes([tag]) + length + value


def path_object(path):
    return der(0x30, der(0x04, path))


def build_pkcs15(mf, certs):
    for f in list(mf.content):
        if f.fid in (0x2F00, 0x5015):
            mf.remove(f)
    ef_dir = der(0x61, der(0x4F, PKCS15_AID) + der(0x50, b"SITHS e-id") + der(0x51, bytes.fromhex("3F005015")))
    mf.append(TransparentStructureEF(parent=mf, fid=0x2F00, data=ef_dir))
    app = DF(parent=mf, fid=0x5015, dfname=PKCS15_AID)
    mf.append(app)
    odf = der(0xA4, path_object(bytes.fromhex("3F0050154404")))
    app.append(TransparentStructureEF(parent=app, fid=0x5031, data=odf))
    cdf = b""
    for i, cert in enumerate(certs):
        fid = 0x4301 + i
        app.append(TransparentStructureEF(parent=app, fid=fid, data=cert))
        common = der(0x30, der(0x0C, ("Certificate %d" % (i + 1)).encode()))
        cert_attrs = der(0x30, der(0x04, bytes([0x45, i + 1])))
        typed = der(0xA1, der(0x30, path_object(bytes.fromhex("3F005015") + fid.to_bytes(2, "big"))))
        cdf += der(0x30, common + cert_attrs + typed)
    cdf += b"\x00" * 16  # unused space at the end, as on real cards
    app.append(TransparentStructureEF(parent=app, fid=0x4404, data=cdf))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=35963)
    parser.add_argument("--mode", choices=["pkcs15", "plain"], default="pkcs15")
    parser.add_argument("--cert", action="append", default=[], help="DER certificate file (repeatable)")
    parser.add_argument("--reconnect", action="store_true")
    args = parser.parse_args()
    certs = [open(p, "rb").read() for p in args.cert]

    while True:
        try:
            vicc = VirtualICC(None, "iso7816", args.host, args.port, logginglevel=logging.WARNING)
        except SystemExit:
            if not args.reconnect:
                raise
            time.sleep(0.2)
            continue
        if args.mode == "pkcs15":
            build_pkcs15(vicc.os.mf, certs)
        print("vicc: connected", flush=True)
        try:
            vicc.run()
        except SystemExit:
            pass
        except Exception as err:  # noqa: BLE001 - a broken command must not kill the card
            print("vicc: %r" % err, flush=True)
        try:
            vicc.stop()
        except Exception:  # noqa: BLE001
            pass
        if not args.reconnect:
            return
        print("vicc: disconnected, reconnecting", flush=True)
        time.sleep(0.2)


if __name__ == "__main__":
    main()

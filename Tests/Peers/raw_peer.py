#!/usr/bin/env python3
"""A deliberately misbehaving Modbus peer on 127.0.0.1 (port chosen by the kernel).

  raw_peer.py --mode silent                  accept, read, never answer
  raw_peer.py --mode late --delay 0.6        first answer after DELAY s, later ones at once
  raw_peer.py --mode bad-crc [--bad-count K] first K answers (default all) carry a wrong CRC
  raw_peer.py --mode wrong-unit              answers come from unit + 1
  raw_peer.py --mode drop-first              closes the connection on the first request
  --framing rtu|mbap (default rtu)

Reads (FC 03/04) are answered with value (n * 1000 + address + i) for answer n (1-based),
so a test can tell which request an answer belongs to. Prints {"port": N}; exits when
stdin closes.
"""
import argparse
import asyncio
import struct

from peer_common import announce, exit_when_stdin_closes


def crc16(data):
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


class Peer:
    def __init__(self, args):
        self.args = args
        self.answers = 0

    async def read_rtu(self, reader):
        head = await reader.readexactly(2)
        if head[1] in (0x0F, 0x10):
            rest = await reader.readexactly(5)
            rest += await reader.readexactly(rest[4] + 2)
        else:
            rest = await reader.readexactly(6)
        frame = head + rest
        return 0, frame[0], frame[1:-2]

    async def read_mbap(self, reader):
        header = await reader.readexactly(7)
        tid, _proto, length, unit = struct.unpack(">HHHB", header)
        pdu = await reader.readexactly(length - 1)
        return tid, unit, pdu

    def answer_pdu(self, pdu):
        function = pdu[0]
        if function in (3, 4):
            address, count = struct.unpack(">HH", pdu[1:5])
            words = [(self.answers * 1000 + address + i) & 0xFFFF for i in range(count)]
            return bytes([function, count * 2]) + b"".join(struct.pack(">H", w) for w in words)
        if function in (6, 16):
            return pdu[:5]
        return bytes([function | 0x80, 1])

    def frame(self, tid, unit, pdu):
        if self.args.mode == "wrong-unit":
            unit = (unit + 1) & 0xFF
        if self.args.framing == "mbap":
            return struct.pack(">HHHB", tid, 0, len(pdu) + 1, unit) + pdu
        body = bytes([unit]) + pdu
        crc = crc16(body)
        bad = self.args.mode == "bad-crc" and (
            self.args.bad_count < 0 or self.answers <= self.args.bad_count)
        if bad:
            crc ^= 0x5A5A
        return body + struct.pack("<H", crc)

    async def handle(self, reader, writer):
        read = self.read_mbap if self.args.framing == "mbap" else self.read_rtu
        try:
            while True:
                tid, unit, pdu = await read(reader)
                if self.args.mode == "silent":
                    continue
                self.answers += 1
                if self.args.mode == "drop-first" and self.answers == 1:
                    return
                if self.args.mode == "late" and self.answers == 1:
                    await asyncio.sleep(self.args.delay)
                writer.write(self.frame(tid, unit, self.answer_pdu(pdu)))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["silent", "late", "bad-crc", "wrong-unit", "drop-first"], required=True)
    parser.add_argument("--framing", choices=["rtu", "mbap"], default="rtu")
    parser.add_argument("--delay", type=float, default=0.6)
    parser.add_argument("--bad-count", type=int, default=-1)
    args = parser.parse_args()
    exit_when_stdin_closes()
    peer = Peer(args)
    server = await asyncio.start_server(peer.handle, "127.0.0.1", 0)
    announce(port=server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())

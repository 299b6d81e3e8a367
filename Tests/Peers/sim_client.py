#!/usr/bin/env python3
"""Independent Modbus master for the simulator tests (pymodbus 3.8.6).

Reads holding registers from one unit over Modbus TCP (--framer socket) or RTU over TCP
(--framer rtu) and prints one JSON line: {"registers": [...], "elapsed_ms": N} on success,
{"error": "..."} otherwise (exit status 0 either way, 2 for bad arguments).
"""
import argparse
import json
import logging
import sys
import time

from pymodbus import FramerType
from pymodbus.client import ModbusTcpClient


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--framer", choices=["socket", "rtu"], required=True)
    parser.add_argument("--unit", type=int, required=True)
    parser.add_argument("--address", type=lambda text: int(text, 0), default=0x0200)
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--timeout", type=float, default=3.0)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)

    framer = FramerType.SOCKET if args.framer == "socket" else FramerType.RTU
    client = ModbusTcpClient(args.host, port=args.port, framer=framer, timeout=args.timeout, retries=0)
    try:
        if not client.connect():
            print(json.dumps({"error": "cannot connect"}))
            return 0
        started = time.monotonic()
        reply = client.read_holding_registers(args.address, count=args.count, slave=args.unit)
        elapsed = (time.monotonic() - started) * 1000
        if reply.isError():
            print(json.dumps({"error": str(reply), "exception_code": getattr(reply, "exception_code", None)}))
        else:
            print(json.dumps({"registers": list(reply.registers), "elapsed_ms": round(elapsed, 1)}))
    except Exception as error:  # any failure is reported, never raised
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
    finally:
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

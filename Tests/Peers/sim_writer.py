#!/usr/bin/env python3
"""Independent Modbus master that writes to the simulator and reads back (pymodbus 3.8.6).

Runs a list of steps, in order, on one connection to one unit over Modbus TCP
(--framer socket) or RTU over TCP (--framer rtu). The steps come as JSON (--steps):

    [{"write": 70, "values": [0, 5000]},       # FC16 write_registers
     {"write_single": 97, "value": 8000},      # FC06 write_register
     {"read": 70, "count": 28}]                # FC03 read_holding_registers

and the answer is one JSON line: {"results": [...]} with one entry per step:
{"written": true} for an acknowledged write, {"registers": [...]} for a read,
{"exception_code": N} for a Modbus exception, {"error": "..."} for anything else.
Exit status 0 either way, 2 for bad arguments.
"""
import argparse
import json
import logging
import sys

from pymodbus import FramerType
from pymodbus.client import ModbusTcpClient


def run_step(client, step, unit):
    """Carries out one step and describes its outcome."""
    if "write" in step:
        reply = client.write_registers(step["write"], step["values"], slave=unit)
    elif "write_single" in step:
        reply = client.write_register(step["write_single"], step["value"], slave=unit)
    else:
        reply = client.read_holding_registers(step["read"], count=step["count"], slave=unit)
    if reply.isError():
        return {"error": str(reply), "exception_code": getattr(reply, "exception_code", None)}
    if "read" in step:
        return {"registers": list(reply.registers)}
    return {"written": True}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--framer", choices=["socket", "rtu"], required=True)
    parser.add_argument("--unit", type=int, required=True)
    parser.add_argument("--steps", required=True, help="JSON list of steps")
    parser.add_argument("--timeout", type=float, default=3.0)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    steps = json.loads(args.steps)

    framer = FramerType.SOCKET if args.framer == "socket" else FramerType.RTU
    client = ModbusTcpClient(args.host, port=args.port, framer=framer, timeout=args.timeout, retries=0)
    results = []
    try:
        if not client.connect():
            print(json.dumps({"error": "cannot connect"}))
            return 0
        for step in steps:
            try:
                results.append(run_step(client, step, args.unit))
            except Exception as error:  # any failure is reported, never raised
                results.append({"error": f"{type(error).__name__}: {error}"})
        print(json.dumps({"results": results}))
    finally:
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

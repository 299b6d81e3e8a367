#!/usr/bin/env python3
"""A pymodbus server as an independent Modbus peer for MeterDesk's transport tests.

  modbus_server.py --framer socket|rtu --port 0 [--holding 1,2,3] [--input 4,5] [--units 1,2]
  modbus_server.py --serial /path/to/pty --baud 9600 --parity N [...]

Register address N holds the N-th value of --holding / --input (then zeros up to --size).
TCP: prints {"port": N} once listening; serial: prints {"ready": true, "port": PATH}.
Exits when stdin closes.
"""
import argparse
import asyncio
import logging
import os
import sys
import termios

from peer_common import announce, exit_when_stdin_closes
from pymodbus.datastore import (
    ModbusSequentialDataBlock,
    ModbusServerContext,
    ModbusSlaveContext,
)
from pymodbus.framer import FramerType
from pymodbus.server import ModbusSerialServer, ModbusTcpServer


def values(text, size):
    """Parse "1,2,0x10" and pad with zeros to size."""
    parsed = [int(item, 0) for item in text.split(",") if item.strip()] if text else []
    return parsed + [0] * max(0, size - len(parsed))


def slave_context(args):
    """One unit's registers; pymodbus adds 1 to every address, so blocks start at 1."""
    return ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(1, values(args.holding, args.size)),
        ir=ModbusSequentialDataBlock(1, values(args.input, args.size)),
        co=ModbusSequentialDataBlock(1, [False] * args.size),
        di=ModbusSequentialDataBlock(1, [False] * args.size),
    )


def usable_parity(path, parity):
    """The parity to open `path` with: some kernels refuse PARENB on a pseudo-terminal.

    A pty carries bytes, not bits, so parity has no effect on one anyway; fall back to N
    there (and say so on stderr) rather than fail.
    """
    if parity == "N" or not os.path.realpath(path).startswith("/dev/pts/"):
        return parity
    descriptor = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
    try:
        attributes = termios.tcgetattr(descriptor)
        attributes[2] |= termios.PARENB
        termios.tcsetattr(descriptor, termios.TCSANOW, attributes)
        return parity
    except termios.error:
        print(f"{path}: this kernel refuses parity on a pty; using N", file=sys.stderr)
        return "N"
    finally:
        os.close(descriptor)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--framer", choices=["socket", "rtu"], default="socket")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--serial")
    parser.add_argument("--baud", type=int, default=9600)
    parser.add_argument("--parity", choices=["N", "E", "O"], default="N")
    parser.add_argument("--units", default="any", help="comma list of unit ids, or any")
    parser.add_argument("--holding", default="")
    parser.add_argument("--input", default="")
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--ignore-missing", action="store_true")
    args = parser.parse_args()
    exit_when_stdin_closes()
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)

    if args.units == "any":
        context = ModbusServerContext(slaves=slave_context(args), single=True)
    else:
        units = [int(unit, 0) for unit in args.units.split(",")]
        context = ModbusServerContext(
            slaves={unit: slave_context(args) for unit in units}, single=False)

    if args.serial:
        args.parity = usable_parity(args.serial, args.parity)
        server = ModbusSerialServer(
            context, framer=FramerType.RTU, port=args.serial, baudrate=args.baud,
            parity=args.parity, bytesize=8, stopbits=1,
            ignore_missing_slaves=args.ignore_missing)
        await server.serve_forever(background=True)
        if not server.transport:
            sys.exit(f"cannot open {args.serial}")
        announce(ready=True, port=args.serial)
    else:
        framer = FramerType.RTU if args.framer == "rtu" else FramerType.SOCKET
        server = ModbusTcpServer(
            context, framer=framer, address=(args.host, args.port),
            ignore_missing_slaves=args.ignore_missing)
        await server.serve_forever(background=True)
        if not server.transport:
            sys.exit(f"cannot listen on {args.host}:{args.port}")
        announce(port=server.transport.sockets[0].getsockname()[1])
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())

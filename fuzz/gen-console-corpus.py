#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the console fuzz target's seed corpus from the golden transcripts,
# the seed lab script and a few show commands:
#   rm -rf fuzz/corpus/console && fuzz/gen-console-corpus.py fuzz/corpus/console
import pathlib
import re
import sys

top = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else top / 'fuzz/corpus/console')

# The input format of fuzz/console.c: chunks ended by 0xff, each starting
# with the console it goes to (its value modulo 3).
CHUNK_END = b'\xff'
ROUTER, SWITCH, PC = b'0', b'1', b'2'

# The escapes of tests/test-consoles.c.
ESCAPES = {
    'CR': '\r', 'LF': '\n', 'TAB': '\t', 'BS': '\b', 'DEL': '\x7f', 'ESC': '\x1b',
    'BEL': '\a', 'SP': ' ', 'LT': '<', '?': '?', 'UP': '\x1b[A', 'DOWN': '\x1b[B',
    'RIGHT': '\x1b[C', 'LEFT': '\x1b[D', 'CTRL-^': '\x1e',
}


def decode(text):
    def one(m):
        name = m.group(1)
        if name in ESCAPES:
            return ESCAPES[name]
        if re.fullmatch(r'CTRL-[A-Z]', name):
            return chr(ord(name[5]) & 0x1f)
        rep = re.fullmatch(r'REPEAT (\d+) (.)', name)
        if rep:
            return rep.group(2) * int(rep.group(1))
        return m.group(0)
    return re.sub(r'<([^<>]*)>', one, text).encode('utf-8')


def console_of(name):
    name = name.upper()
    if name.startswith(('PC', 'LAPTOP', 'SERVER')):
        return PC
    if name.startswith('S'):
        return SWITCH
    return ROUTER


def chunks_of_transcript(path):
    console = PC if path.parent.name == 'pc' else ROUTER
    for line in path.read_text().splitlines():
        if (line.startswith('@platform') or line.startswith('@lab')) and console != PC:
            console = SWITCH if '2960' in line or 'switch' in line else ROUTER
        elif line.startswith('@press return'):
            yield console + b'\r'
        elif re.fullmatch(r'@((console|device) )?[A-Za-z]+[0-9]+', line):
            console = console_of(line.split()[-1].lstrip('@'))
        elif line.startswith('>> '):
            yield console + decode(line[3:])
        elif line.startswith('> '):
            yield console + decode(line[2:])


def chunks_of_script(path):
    console = ROUTER
    for line in path.read_text().splitlines():
        if line.startswith('#'):
            continue
        if line == '@press return':
            yield console + b'\r'
        elif line.startswith('@'):
            if ' ' not in line:
                console = console_of(line[1:])
        else:
            yield console + line.encode('utf-8') + b'\r'


def write(name, chunks):
    data = CHUNK_END.join(chunks)
    if data:
        (out / name).write_bytes(data)


out.mkdir(parents=True, exist_ok=True)
for path in sorted((top / 'tests/transcripts').rglob('*.txt')):
    write(path.stem, list(chunks_of_transcript(path)))
write('seed-lab', list(chunks_of_script(top / 'tests/scripts/seed-lab.txt')))

SHOWS = ['show running-config', 'show ip interface brief', 'show interfaces',
         'show ip route', 'show vlan brief', 'show mac address-table',
         'show interfaces trunk', 'show version', 'show arp', 'show history']
write('show-router', [ROUTER + b'no\r', ROUTER + b'\renable\r'] +
      [ROUTER + s.encode() + b'\r' for s in SHOWS])
write('show-switch', [SWITCH + b'\renable\rterminal length 0\r'] +
      [SWITCH + s.encode() + b'\r' for s in SHOWS])
write('show-pc', [PC + b'ipconfig\r', PC + b'ipconfig /all\r', PC + b'arp -a\r',
                  PC + b'ping 10.0.0.1\r', PC + b'help\r'])

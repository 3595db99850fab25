/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Explicit bounds on every input Patchcord reads, so bad input fails clearly. */
#pragma once

/* A lab file larger than this is refused before it is parsed. 5,000 devices
 * with their configs take about 3 MiB, so this leaves ample room. */
#define CORD_LIMIT_LAB_BYTES        (64u * 1024u * 1024u)
#define CORD_LIMIT_DEVICES          20000u
#define CORD_LIMIT_LINKS            40000u
#define CORD_LIMIT_NOTES            10000u
/* Names are typed by people and shown on the canvas. */
#define CORD_LIMIT_NAME_CHARS       64u
/* A startup- or running-config, or a note's text. Real configs of large
 * routers stay well under 64 KiB. */
#define CORD_LIMIT_CONFIG_BYTES     (256u * 1024u)
#define CORD_LIMIT_NOTE_BYTES       (16u * 1024u)
/* IOS itself accepts lines up to 4095 characters on a console. */
#define CORD_LIMIT_CONSOLE_LINE     4095u
#define CORD_LIMIT_SCRIPT_LINE      4095u
/* Canvas coordinates; keeps arithmetic on positions finite. */
#define CORD_LIMIT_COORD            1.0e7

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Command Prompt of Packet Tracer's end devices: keystrokes in, terminal bytes out, ping and friends on virtual time. */
#pragma once

#include <glib.h>

#include "sim.h"

G_BEGIN_DECLS

/* Commands a prompt keeps for Up and Down. */
#define CORD_PC_PROMPT_HISTORY_SIZE 50u

typedef struct _CordPcPrompt CordPcPrompt;

typedef void (*CordPcPromptOutputFunc) (CordPcPrompt *prompt,
                                        const char   *data,
                                        gsize         len,
                                        gpointer      user_data);

/* A Command Prompt on @device, an end device (PC-PT, Laptop-PT,
 * Server-PT) of @sim. The prompt borrows both: free it before the device
 * leaves the topology and before the sim is freed. Nothing is shown, and
 * keys are ignored, until cord_pc_prompt_start(). */
CordPcPrompt *cord_pc_prompt_new        (CordSim                *sim,
                                         CordDevice             *device);
/* Stops a running ping or tracert silently. */
void          cord_pc_prompt_free       (CordPcPrompt           *prompt);

/* Where the terminal bytes go (lines end with CR LF). */
void          cord_pc_prompt_set_output (CordPcPrompt           *prompt,
                                         CordPcPromptOutputFunc  func,
                                         gpointer                user_data);

/* Opens the window: the banner ("Cisco Packet Tracer PC Command Line
 * 1.0") and the prompt "C:\>". Starting again stops what runs and clears
 * the line and the history. */
void          cord_pc_prompt_start      (CordPcPrompt           *prompt);

/* Keystrokes as a terminal sends them: CR, LF or CR LF for Enter, 0x08 or
 * 0x7f for Backspace, ESC [ A … for the arrows, 0x03 for Ctrl-C. While a
 * command runs only Ctrl-C is heard. */
void          cord_pc_prompt_feed       (CordPcPrompt           *prompt,
                                         const char             *bytes,
                                         gsize                   len);

/* TRUE while a command (ping, tracert, ipconfig /renew) waits for virtual
 * time: its output appears as the engine runs, then the prompt. */
gboolean      cord_pc_prompt_is_busy    (CordPcPrompt           *prompt);

CordDevice   *cord_pc_prompt_get_device (CordPcPrompt           *prompt);
/* The typed commands, oldest first. */
const GPtrArray *cord_pc_prompt_get_history (CordPcPrompt       *prompt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordPcPrompt, cord_pc_prompt_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An IOS console session: keystrokes in, terminal bytes out, with IOS line editing, history and paging. */
#pragma once

#include <glib.h>

#include "ios-parser.h"

G_BEGIN_DECLS

/* IOS keeps this many commands per history (EXEC, configuration). */
#define CORD_IOS_HISTORY_SIZE 10u
/* The terminal length a session starts with. */
#define CORD_IOS_DEFAULT_LENGTH 24u

typedef void (*CordIosOutputFunc) (CordIosSession *session,
                                   const char     *data,
                                   gsize           len,
                                   gpointer        user_data);

/* A console on the device @ios, reading commands of @cli. The session
 * reaches the simulation through @ios->sim and @ios->device. */
CordIosSession *cord_ios_session_new        (CordIosCli        *cli,
                                             CordIosDevice     *ios);
void            cord_ios_session_free       (CordIosSession    *session);

void            cord_ios_session_set_output (CordIosSession    *session,
                                             CordIosOutputFunc  func,
                                             gpointer           user_data,
                                             GDestroyNotify     destroy);

/* Prints "Press RETURN to get started!" as after power-on, and waits. */
void            cord_ios_session_start      (CordIosSession    *session);
/* Keystrokes as a terminal sends them: CR, LF or CR LF for Enter, 0x08 or
 * 0x7f for Backspace, ESC [ A … for the arrows. */
void            cord_ios_session_feed       (CordIosSession    *session,
                                             const char        *bytes,
                                             gsize              len);
/* A log message from the device ("%LINK-5-CHANGED: …"); shown at once,
 * between prompts, or after the command or page being shown. */
void            cord_ios_session_log        (CordIosSession    *session,
                                             const char        *message);

CordIosDevice  *cord_ios_session_get_device (CordIosSession    *session);
CordIosNodeId   cord_ios_session_get_node   (CordIosSession    *session);
char           *cord_ios_session_get_prompt (CordIosSession    *session);
/* The history of the current mode group, oldest first. */
const GPtrArray *cord_ios_session_get_history (CordIosSession  *session);
guint           cord_ios_session_get_length (CordIosSession    *session);
/* Lines per screen for --More--; 0 turns paging off. */
void            cord_ios_session_set_length (CordIosSession    *session,
                                             guint              length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordIosSession, cord_ios_session_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a command handler sees: its arguments, its output, the device, and the mode it may change. */
#pragma once

#include <glib.h>

#include "ios-parser.h"

G_BEGIN_DECLS

/* Wrong passwords IOS takes before it gives up (% Bad secrets). */
#define CORD_IOS_PASSWORD_TRIES 3u

/* Called with the line typed after cord_ios_exec_ask(); @exec is a fresh
 * context of the same session, and may ask again. */
typedef void (*CordIosAskFunc) (CordIosExec *exec,
                                const char  *answer,
                                gpointer     user_data);

CordIosDevice  *cord_ios_exec_get_device   (CordIosExec    *exec);
CordIosSession *cord_ios_exec_get_session  (CordIosExec    *exec);
CordIosCli     *cord_ios_exec_get_cli      (CordIosExec    *exec);
CordIosNodeId   cord_ios_exec_get_node     (CordIosExec    *exec);
/* The object the current mode edits: what cord_ios_exec_enter() pushed. */
gpointer        cord_ios_exec_get_context  (CordIosExec    *exec);

/* Arguments by $label or token text; NULL, FALSE or @fallback when that
 * token was not typed (an optional part, the other alternative). */
const char     *cord_ios_exec_arg          (CordIosExec    *exec,
                                            const char     *name);
gboolean        cord_ios_exec_has          (CordIosExec    *exec,
                                            const char     *name);
gint64          cord_ios_exec_arg_int      (CordIosExec    *exec,
                                            const char     *name,
                                            gint64          fallback);

/* The interface the IFNAME argument @name names, found through the
 * device's lookup_interface; when there is none, prints IOS's
 * "%Invalid interface type and number" and returns NULL. */
gpointer        cord_ios_exec_interface    (CordIosExec    *exec,
                                            const char     *name);

/* Output, with "\n" line ends; the session pages it at the terminal length. */
void            cord_ios_exec_print        (CordIosExec    *exec,
                                            const char     *format,
                                            ...) G_GNUC_PRINTF (2, 3);
/* Prints the caret under argument @name and "% Invalid input detected…",
 * for values the syntax accepts but the device refuses. */
void            cord_ios_exec_invalid      (CordIosExec    *exec,
                                            const char     *name);
/* A log message such as %LINK-5-CHANGED, shown after the next prompt. */
void            cord_ios_exec_log          (CordIosExec    *exec,
                                            const char     *message);

/* Mode changes. Entering a configuration mode pushes @context (freed with
 * @destroy when the mode is left); entering USER or ENABLE leaves every
 * configuration mode. */
void            cord_ios_exec_enter        (CordIosExec    *exec,
                                            CordIosNodeId   node,
                                            gpointer        context,
                                            GDestroyNotify  destroy);
/* `exit`: to the parent mode, or out of the session from EXEC. */
void            cord_ios_exec_exit         (CordIosExec    *exec);
/* `end`: from any configuration mode to privileged EXEC. */
void            cord_ios_exec_end          (CordIosExec    *exec);
void            cord_ios_exec_logout       (CordIosExec    *exec);

/* Shows @prompt and reads one line, echoed or not (passwords), then calls
 * @func. Nothing else runs until the answer comes. */
void            cord_ios_exec_ask          (CordIosExec    *exec,
                                            const char     *prompt,
                                            gboolean        echo,
                                            CordIosAskFunc  func,
                                            gpointer        user_data,
                                            GDestroyNotify  destroy);

G_END_DECLS

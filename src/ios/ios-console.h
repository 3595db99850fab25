/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Device consoles and the device life cycle: one console per device, boot on power-on, reload, and configs kept in step with the topology. */
#pragma once

#include <glib.h>

#include "ios-exec.h"
#include "ios-session.h"
#include "sim.h"

G_BEGIN_DECLS

/* Recent output each console keeps for a terminal opened later. */
#define CORD_CONSOLE_SCROLLBACK_BYTES (64u * 1024u)
/* Keys typed while a command runs wait for it (IOS type-ahead); more
 * than this is dropped. */
#define CORD_CONSOLE_TYPEAHEAD_BYTES  4096u
/* How long a boot prints for, in virtual time. */
#define CORD_CONSOLE_BOOT_NS          (3 * CORD_ENGINE_NS_PER_SEC)

typedef struct _CordConsoles CordConsoles;
typedef struct _CordConsole  CordConsole;

typedef enum {
  CORD_CONSOLE_IOS,     /* routers and IOS switches: an IOS session on con0 */
  CORD_CONSOLE_PC,      /* PCs, laptops and servers: the Command Prompt */
} CordConsoleKind;

typedef void (*CordConsoleOutputFunc) (CordConsole *console,
                                       const char  *data,
                                       gsize        len,
                                       gpointer     user_data);

/* --- The set of consoles of a simulation ------------------------------- */

/* One console for every device of @sim's topology that has one (hubs and
 * Bridge-PT have none), kept in step with devices added, removed and
 * powered on or off. Devices already there are taken as running: a
 * powered IOS device's state is rebuilt at once from its stored
 * running-config (or its startup-config when it has none) and its VLAN
 * database. The consoles own the sim's port hook. Free the consoles
 * before the sim. */
CordConsoles *cord_consoles_new             (CordSim       *sim);
void          cord_consoles_free            (CordConsoles  *consoles);
/* The sim has one port hook, and the consoles own it: a line going up or
 * down is IOS state and a %LINK message. @hook hears of every change too,
 * after the consoles, so a view can update link lights. */
void          cord_consoles_set_port_hook (CordConsoles    *consoles,
                                           CordSimPortHook  hook,
                                           gpointer         user_data);
CordSim      *cord_consoles_get_sim         (CordConsoles  *consoles);
/* NULL for a device without a console. */
CordConsole  *cord_consoles_lookup          (CordConsoles  *consoles,
                                             CordDevice    *device);
/* Writes the live state of every IOS device into the topology's text
 * fields: its running-config, as `show running-config` generates it, and
 * a switch's VLAN database ("vlan N" / " name X" for each VLAN that is not
 * a default one). These are not edits: nothing is recorded for undo and
 * the lab is not marked modified. Call it before saving a lab. */
void          cord_consoles_sync_to_topology (CordConsoles *consoles);

/* --- One console --------------------------------------------------------- */

CordDevice   *cord_console_get_device       (CordConsole   *console);
CordConsoleKind cord_console_get_kind       (CordConsole   *console);

/* Keystrokes as a terminal (a VTE widget, telnet) sends them. Ignored
 * while the device is off or booting. */
void          cord_console_feed             (CordConsole   *console,
                                             const char    *bytes,
                                             gsize          len);
/* Everything the console prints from now on, as terminal bytes (CR LF
 * line ends). Returns an id for cord_console_remove_listener(); @destroy
 * runs when the listener is removed or the console goes away with its
 * device. */
guint         cord_console_add_listener     (CordConsole   *console,
                                             CordConsoleOutputFunc func,
                                             gpointer       user_data,
                                             GDestroyNotify destroy);
void          cord_console_remove_listener  (CordConsole   *console,
                                             guint          id);
/* Configuration commands run by cord_console_configure() (the Config
 * tab's forms, and undo and redo of their edits): each line with the
 * prompt it was read at, what IOS answered and the log messages it
 * caused, then the prompt it ends at, as the CLI would show them, with
 * "\n" line ends. Same shape as cord_console_add_listener(). */
guint         cord_console_add_config_listener (CordConsole *console,
                                             CordConsoleOutputFunc func,
                                             gpointer       user_data,
                                             GDestroyNotify destroy);
void          cord_console_remove_config_listener (CordConsole *console,
                                             guint          id);
/* Runs @commands ("\n"-separated) on the device from global configuration
 * mode, through the parser and handlers the console uses but in an IOS
 * session of their own, so the user's session keeps its mode. Log
 * messages they cause show on the console as usual. Stops at the first
 * line IOS refuses and fails with IOS's message; fails likewise when the
 * device is off or still booting. Not an edit: cord_topology_configure()
 * makes an undoable one of it. */
gboolean      cord_console_configure        (CordConsole   *console,
                                             const char    *commands,
                                             GError       **error);
/* The last CORD_CONSOLE_SCROLLBACK_BYTES the console printed, for a
 * terminal opened now: feed them to it, then add a listener. */
const char   *cord_console_get_scrollback   (CordConsole   *console,
                                             gsize         *len);

/* TRUE while the console cannot take a command: the device boots, or a
 * ping, traceroute or reload runs. A console at a prompt or a question,
 * and the console of a device that is off, are not busy. */
gboolean      cord_console_is_busy          (CordConsole   *console);
/* Runs the engine until the console is not busy, at most @max_ns of
 * virtual time; fails, saying why, when it stays busy. */
gboolean      cord_console_run_until_idle   (CordConsole   *console,
                                             guint64        max_ns,
                                             GError       **error);

/* The IOS session on con0: NULL while the device is off or boots, and on
 * consoles of other kinds. */
CordIosSession *cord_console_get_session    (CordConsole   *console);
/* Lines of the last config replayed at boot (or on loading) that IOS
 * refused; it ignores them and goes on, as IOS does. */
guint         cord_console_get_boot_errors  (CordConsole   *console);

/* --- For command handlers ------------------------------------------------ */

/* The console of the device @exec runs on; NULL for a session that is not
 * part of a simulation. */
CordConsole  *cord_ios_console_from_exec    (CordIosExec   *exec);
/* Shows a log message (%LINK-…) on @ios's console, as
 * cord_ios_session_log() does; does nothing without a console. */
void          cord_ios_console_log          (CordIosDevice *ios,
                                             const char    *message);

typedef void (*CordConsoleAbortFunc) (gpointer user_data);

/* A command that goes on after its handler returns (ping, traceroute):
 * until cord_console_job_end() the console is busy, the session's next
 * prompt waits, and so do keys typed meanwhile; the job shows its progress
 * with cord_console_print(). Ctrl-^ (the escape sequence) calls @abort,
 * which must end the job; so does the console going away. */
void          cord_console_job_begin        (CordConsole   *console,
                                             CordConsoleAbortFunc abort,
                                             gpointer       user_data);
void          cord_console_job_end          (CordConsole   *console);
/* Prints @text ("\n" line ends) at once, ahead of any output the session
 * holds back: a job's progress, the blank line after a reload's
 * [confirm]. Nothing shows while the device is off. */
void          cord_console_print            (CordConsole   *console,
                                             const char    *text);

/* copy running-config startup-config: stores the generated running-config
 * as the device's startup-config (an undoable edit of the lab). */
gboolean      cord_console_save_config      (CordConsole   *console,
                                             GError       **error);
/* erase startup-config. */
gboolean      cord_console_erase_config     (CordConsole   *console,
                                             GError       **error);
/* Whether the running-config differs from what the device booted with or
 * last saved. */
gboolean      cord_console_config_modified  (CordConsole   *console);
/* reload: the device powers off and on again once the current command is
 * over; the console is busy until it has booted. */
void          cord_console_reload           (CordConsole   *console);

G_END_DECLS

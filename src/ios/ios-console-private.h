/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the console manager and the boot code share: the IOS state a device starts with, its boot text and its replayed configs. */
#pragma once

#include "ios-console.h"
#include "ios-private.h"

G_BEGIN_DECLS

/* The boot text comes in this many parts, one per step of virtual time;
 * the end of the boot (config, dialog, "Press RETURN") follows them. */
#define _CORD_IOS_BOOT_PARTS 3u

/* The IOS state of @device as the factory ships it: platform, features,
 * image version and hostname from the catalog, its ports for IFNAME. */
CordIosDevice *_cord_ios_boot_device       (CordSim        *sim,
                                            CordDevice     *device);
/* Appends part @part of @device's boot messages, "\n" line ends. */
void           _cord_ios_boot_text         (CordDevice     *device,
                                            guint           part,
                                            GString        *out);
/* The question a router without a config asks at the end of its boot. */
void           _cord_ios_boot_dialog       (GString        *out);

/* Replays @config in configuration mode through @cli, as IOS reads its
 * startup-config: silently, lines it refuses skipped. Returns how many it
 * refused. */
guint          _cord_ios_replay_config     (CordIosCli     *cli,
                                            CordIosDevice  *ios,
                                            const char     *config);

/* A switch's VLAN database as text ("vlan 10\n name Sales\n"), NULL when
 * it holds only the default VLANs; and back. */
char          *_cord_ios_vlans_write       (CordSim        *sim,
                                            CordDevice     *device);
void           _cord_ios_vlans_restore     (CordSim        *sim,
                                            CordDevice     *device,
                                            const char     *text);

/* What ios-configure.c needs of a console (ios-console.c). */
CordIosCli    *_cord_console_get_cli       (CordConsole    *console);
/* The IOS state of a device that is on and has booted; otherwise NULL,
 * with @error saying what to do. */
CordIosDevice *_cord_console_get_ios       (CordConsole    *console,
                                            GError        **error);
/* Shows a log message on the console, as a command typed there would. */
void           _cord_console_log           (CordConsole    *console,
                                            const char     *message);
/* Stores the running-config and VLAN database in the topology. */
void           _cord_console_mirror        (CordConsole    *console);
/* Hands @text to the configuration listeners. */
void           _cord_console_config_emit   (CordConsole    *console,
                                            const char     *text);

/* ios-exec-timeout.c: the idle timer of an IOS console. The console
 * restarts it after every key and stops it while a command runs or the
 * device is off; the exec-timeout of the device's `line console 0` at
 * that moment gives its length. */
typedef struct {
  CordEngine     *engine;
  CordTimer       timer;
  CordIosSession *session;    /* the one that ends when the timer fires */
} _CordExecTimeout;

void           _cord_exec_timeout_init     (_CordExecTimeout *timeout,
                                            CordEngine       *engine);
/* Stops the timer for good, before the memory that holds it goes. */
void           _cord_exec_timeout_clear    (_CordExecTimeout *timeout);
/* Counts the line's exec-timeout from now for @session; stops instead
 * when the timeout is 0 (never) or @session waits for RETURN. */
void           _cord_exec_timeout_restart  (_CordExecTimeout *timeout,
                                            CordIosSession   *session);
void           _cord_exec_timeout_stop     (_CordExecTimeout *timeout);

/* ios-configure.c: the topology's CordCommandRunner; @user_data is the
 * CordConsoles. */
gboolean       _cord_consoles_run_commands (CordTopology   *topology,
                                            CordDevice     *device,
                                            const char     *commands,
                                            gpointer        user_data,
                                            GError        **error);

G_END_DECLS

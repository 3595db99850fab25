/* SPDX-License-Identifier: GPL-3.0-or-later */
/* patchcord-sim scripts: @-commands to the simulator and lines typed into consoles. */
#pragma once

#include <gio/gio.h>

#include "engine.h"
#include "ios-console.h"
#include "sim.h"
#include "topology.h"

G_BEGIN_DECLS

typedef struct _CordScript CordScript;

/* The most virtual time one typed line may take before its console is
 * ready for the next (a ping, a traceroute with every hop silent). */
#define CORD_SCRIPT_IDLE_MAX_NS (600 * CORD_ENGINE_NS_PER_SEC)

/* The script runs @topology on @engine through a simulation it owns, with
 * a console for every device (cord_script_get_consoles()). */
CordScript   *cord_script_new          (CordTopology  *topology,
                                        CordEngine    *engine);
CordSim      *cord_script_get_sim      (CordScript    *script);
CordConsoles *cord_script_get_consoles (CordScript    *script);
/* Ends the run: closes captures and reports the first error. */
gboolean      cord_script_finish       (CordScript    *script,
                                        GError       **error);
void          cord_script_free         (CordScript    *script);

/* Runs one line. @lineno only labels errors: "line 4: …". */
gboolean      cord_script_run_line     (CordScript    *script,
                                        const char    *line,
                                        guint          lineno,
                                        GError       **error);
/* Runs every line of @input, stopping at the first error. @name labels
 * errors ("setup.txt: line 4: …"). */
gboolean      cord_script_run_stream   (CordScript    *script,
                                        GInputStream  *input,
                                        const char    *name,
                                        GError       **error);
/* Where the current console's output goes, byte for byte (CR LF line
 * ends, unless @lf asks for LF alone); by default it is dropped. */
void          cord_script_set_output   (CordScript    *script,
                                        GOutputStream *output);
void          cord_script_set_lf       (CordScript    *script,
                                        gboolean       lf);
const char   *cord_script_get_console  (CordScript    *script);
/* Types @bytes into the current console as keystrokes: waits until the
 * console is ready, types, then runs virtual time until it is idle again
 * (at most CORD_SCRIPT_IDLE_MAX_NS each time). */
gboolean      cord_script_type         (CordScript    *script,
                                        const char    *bytes,
                                        gsize          len,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordScript, cord_script_free)

G_END_DECLS

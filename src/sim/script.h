/* SPDX-License-Identifier: GPL-3.0-or-later */
/* patchcord-sim scripts: @-commands to the simulator and lines typed into consoles. */
#pragma once

#include <gio/gio.h>

#include "engine.h"
#include "sim.h"
#include "topology.h"

G_BEGIN_DECLS

typedef struct _CordScript CordScript;

/* The script runs @topology on @engine through a simulation it owns. */
CordScript   *cord_script_new          (CordTopology  *topology,
                                        CordEngine    *engine);
CordSim      *cord_script_get_sim      (CordScript    *script);
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
/* Where console output goes; by default it is dropped. */
void          cord_script_set_output   (CordScript    *script,
                                        GOutputStream *output);
const char   *cord_script_get_console  (CordScript    *script);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordScript, cord_script_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the PC Command Prompt share: the prompt's state and the commands each file runs. */
#pragma once

#include "dhcp.h"
#include "ip.h"
#include "line-editor.h"
#include "pc-prompt.h"

G_BEGIN_DECLS

typedef enum {
  _CORD_PC_CLOSED,      /* before cord_pc_prompt_start() */
  _CORD_PC_EDITING,     /* a command line is being typed */
  _CORD_PC_PINGING,
  _CORD_PC_TRACING,
  _CORD_PC_RENEWING,    /* ipconfig /renew waits for a DHCP server */
} _CordPcState;

struct _CordPcPrompt {
  CordSim                *sim;
  CordDevice             *device;
  CordPcPromptOutputFunc  output;
  gpointer                output_data;

  _CordPcState            state;
  CordLineEditor          editor;
  GPtrArray              *history;

  /* The command that runs. */
  gboolean                interrupted;   /* by Ctrl-C */
  gboolean                closing;       /* freed: stop without a word */
  char                   *target;        /* the address pinged or traced, as shown */
  CordPing               *ping;
  guint                   replies;
  guint64                 rtt_sum_ms;
  guint                   rtt_min_ms;
  guint                   rtt_max_ms;
  CordTrace              *trace;
  guint                   trace_hop;     /* the hop whose line is open, 0 when none */
  guint                   trace_max_hops;
  guint                   trace_probes;
  gboolean                trace_hop_ends;
};

/* pc-prompt.c: output. Text uses "\n"; the terminal gets CR LF. */
void      _cord_pc_prompt_print       (CordPcPrompt *prompt,
                                       const char   *text);
void      _cord_pc_prompt_printf      (CordPcPrompt *prompt,
                                       const char   *format,
                                       ...) G_GNUC_PRINTF (2, 3);
/* A running command is over: the prompt again, ready for keys. */
void      _cord_pc_prompt_finish      (CordPcPrompt *prompt);
/* PT's answer to anything it cannot parse. */
void      _cord_pc_prompt_invalid     (CordPcPrompt *prompt);

/* pc-prompt-net.c: ping, tracert and arp. Each command gets its words
 * after the command's name. */
void      _cord_pc_prompt_ping        (CordPcPrompt *prompt,
                                       guint         argc,
                                       char        **argv);
void      _cord_pc_prompt_tracert     (CordPcPrompt *prompt,
                                       guint         argc,
                                       char        **argv);
void      _cord_pc_prompt_arp         (CordPcPrompt *prompt,
                                       guint         argc,
                                       char        **argv);
/* Ctrl-C while a ping or a trace runs. */
void      _cord_pc_prompt_interrupt   (CordPcPrompt *prompt);
/* Ends whatever runs without printing (free, start again). */
void      _cord_pc_prompt_stop        (CordPcPrompt *prompt);

/* pc-prompt-ipconfig.c */
void      _cord_pc_prompt_ipconfig    (CordPcPrompt *prompt,
                                       guint         argc,
                                       char        **argv);

G_END_DECLS

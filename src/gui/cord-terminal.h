/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordTerminal: a VTE terminal bound to a device console, with no pty: it shows what the console prints and sends it the keys typed. */
#pragma once

#include <vte/vte.h>

#include "ios-console.h"

G_BEGIN_DECLS

#define CORD_TYPE_TERMINAL (cord_terminal_get_type ())
G_DECLARE_FINAL_TYPE (CordTerminal, cord_terminal, CORD, TERMINAL, VteTerminal)

GtkWidget   *cord_terminal_new            (void);
/* Shows @console's scrollback, then everything it prints; NULL unbinds.
 * The terminal lets go by itself when the console goes with its device. */
void         cord_terminal_bind           (CordTerminal *self,
                                           CordConsole  *console);
CordConsole *cord_terminal_get_console    (CordTerminal *self);
/* Sends @text as if pasted: one line at a time, each when the console
 * can take it, as a real console line is fed. */
void         cord_terminal_paste_text     (CordTerminal *self,
                                           const char   *text);
/* Lines of a paste still waiting for the console. */
guint        cord_terminal_get_n_pending  (CordTerminal *self);
void         cord_terminal_copy           (CordTerminal *self);
/* A line whose settings do not match the device's: what the console
 * prints and what is typed both turn into garbage, as on a real serial
 * line at the wrong speed. */
void         cord_terminal_set_garbled    (CordTerminal *self,
                                           gboolean      garbled);
gboolean     cord_terminal_get_garbled    (CordTerminal *self);
void         cord_terminal_paste          (CordTerminal *self);

/* A new terminal in a scrolled page under a toolbar: @start (may be NULL)
 * leads the bar, Copy and Paste buttons end it. @terminal receives the
 * terminal. */
GtkWidget   *cord_terminal_page_new       (GtkWidget     *start,
                                           CordTerminal **terminal);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordDesktopPage: an end device's Desktop tab, app tiles that open IP Configuration, the Command Prompt and the Terminal. */
#pragma once

#include <gtk/gtk.h>

#include "cord-document.h"

G_BEGIN_DECLS

#define CORD_TYPE_DESKTOP_PAGE (cord_desktop_page_get_type ())
G_DECLARE_FINAL_TYPE (CordDesktopPage, cord_desktop_page, CORD, DESKTOP_PAGE, GtkBox)

GtkWidget *cord_desktop_page_new             (CordDocument    *document,
                                              CordDevice      *device);
/* Shows the tiles again. */
void       cord_desktop_page_show_tiles      (CordDesktopPage *self);
void       cord_desktop_page_open_prompt     (CordDesktopPage *self);
void       cord_desktop_page_open_ip_config  (CordDesktopPage *self);
/* With a console cable from the RS 232 port to a device's Console port,
 * asks for the line settings first (see _get_dialog), then shows that
 * device's console; without one, says how to make the connection. */
void       cord_desktop_page_open_terminal   (CordDesktopPage *self);
/* The terminal of the app on screen (Command Prompt or Terminal), else
 * the Command Prompt's once it was opened, else NULL. */
GtkWidget *cord_desktop_page_get_terminal    (CordDesktopPage *self);
/* The IP Configuration form once it was opened, else NULL. */
GtkWidget *cord_desktop_page_get_ip_config   (CordDesktopPage *self);
/* The Terminal Configuration dialog while it is open, else NULL. It has
 * the actions "terminal.ok" and "terminal.cancel"; its drop-downs are
 * named "bits-per-second", "data-bits", "parity", "stop-bits" and
 * "flow-control". */
GtkWindow *cord_desktop_page_get_dialog      (CordDesktopPage *self);
/* "tiles", "prompt", "ip-config", "terminal" or "no-console". */
const char *cord_desktop_page_get_app        (CordDesktopPage *self);
/* The device goes away: stop following it. */
void       cord_desktop_page_forget          (CordDesktopPage *self);

G_END_DECLS

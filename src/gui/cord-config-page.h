/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordConfigPage: the Config tab of a device window, forms that configure the device through IOS commands, shown as they run. */
#pragma once

#include <gtk/gtk.h>

#include "cord-document.h"

G_BEGIN_DECLS

#define CORD_TYPE_CONFIG_PAGE (cord_config_page_get_type ())
G_DECLARE_FINAL_TYPE (CordConfigPage, cord_config_page, CORD, CONFIG_PAGE, GtkWidget)

/* The forms of @device of @document's topology: global settings, static
 * routes or the VLAN database, and one per interface. Each change is one
 * undoable edit (cord_topology_configure()); the pane at the bottom shows
 * the IOS commands every edit ran, undo and redo included. */
GtkWidget *cord_config_page_new    (CordDocument   *document,
                                    CordDevice     *device);
/* Shows the form called "settings", "static", "vlans" or "if:NAME"
 * (an interface's full name); FALSE when the device has no such form. */
gboolean   cord_config_page_select (CordConfigPage *self,
                                    const char     *form);
/* Reads the device's state into the forms again. */
void       cord_config_page_refresh (CordConfigPage *self);

G_END_DECLS

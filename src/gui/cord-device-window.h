/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordDeviceWindow: the window of one device, with the tabs its kind has (Physical, Config, CLI or Desktop). */
#pragma once

#include <gtk/gtk.h>

#include "cord-document.h"

G_BEGIN_DECLS

#define CORD_TYPE_DEVICE_WINDOW (cord_device_window_get_type ())
G_DECLARE_FINAL_TYPE (CordDeviceWindow, cord_device_window, CORD, DEVICE_WINDOW, GtkWindow)

/* A window for @device of @document's topology. It follows the device's
 * name and closes itself when the device or the topology goes. */
CordDeviceWindow *cord_device_window_new        (CordDocument     *document,
                                                 CordDevice       *device);
CordDevice       *cord_device_window_get_device (CordDeviceWindow *self);
/* The terminal shown on the CLI tab, or in the Desktop's Command Prompt
 * once it is open; NULL otherwise. */
GtkWidget        *cord_device_window_get_terminal (CordDeviceWindow *self);
/* Shows the tab named "physical", "config", "cli" or "desktop". */
void              cord_device_window_show_tab   (CordDeviceWindow *self,
                                                 const char       *name);
/* Desktop: opens the Command Prompt. */
void              cord_device_window_open_prompt (CordDeviceWindow *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordApplication: the app itself, with one window per lab, the app.* actions, recent labs and crash recovery. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CORD_APPLICATION_ID "org.patchcord.Patchcord"

#define CORD_TYPE_APPLICATION (cord_application_get_type ())
G_DECLARE_FINAL_TYPE (CordApplication, cord_application, CORD, APPLICATION, GtkApplication)

CordApplication *cord_application_new             (void);
/* Recent labs as a menu section that every window's primary menu shows. */
GMenuModel      *cord_application_get_recent_menu (CordApplication *self);
/* Opens each file in its own window, or presents the window that has it. */
void             cord_application_open_files      (CordApplication *self,
                                                   GFile          **files,
                                                   int              n_files);

G_END_DECLS

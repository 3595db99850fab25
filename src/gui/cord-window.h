/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordWindow: one lab in a window, with its header bar, canvas, banners and device-type selection box. */
#pragma once

#include <gtk/gtk.h>

#include "cord-canvas.h"
#include "cord-document.h"

G_BEGIN_DECLS

#define CORD_TYPE_WINDOW (cord_window_get_type ())
G_DECLARE_FINAL_TYPE (CordWindow, cord_window, CORD, WINDOW, GtkApplicationWindow)

/* Called once a close that asked the user is over: @closed is FALSE when
 * the user chose Cancel or saving failed. */
typedef void (*CordWindowCloseFunc) (CordWindow *window,
                                     gboolean    closed,
                                     gpointer    user_data);

CordWindow   *cord_window_new               (GtkApplication     *application);
CordDocument *cord_window_get_document      (CordWindow         *self);
CordCanvas   *cord_window_get_canvas        (CordWindow         *self);
/* Loads @file into this window, showing progress and any error. */
void          cord_window_open              (CordWindow         *self,
                                             GFile              *file);
/* Loads a recovery copy into this window. */
void          cord_window_restore           (CordWindow         *self,
                                             CordRecoveryInfo   *info);
/* An empty lab nobody has touched, which New and Open may reuse. */
gboolean      cord_window_is_untouched      (CordWindow         *self);
/* Shows a dismissible banner over the canvas. */
void          cord_window_show_error        (CordWindow         *self,
                                             const char         *title,
                                             const char         *detail);
/* Closes the window, first asking Save / Discard / Cancel when the lab
 * has unsaved changes. */
void          cord_window_confirm_close     (CordWindow         *self,
                                             CordWindowCloseFunc func,
                                             gpointer            user_data);

G_END_DECLS

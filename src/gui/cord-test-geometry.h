/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Names on widgets and on parts of drawn widgets, which the window's test hook (PATCHCORD_TEST_GEOMETRY) reports with their places on screen. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Reports one named point of a drawn widget: (@x, @y) in @widget's own
 * coordinates. */
typedef void (*CordGeometryAddFunc) (gpointer    add_data,
                                     GtkWidget  *widget,
                                     double      x,
                                     double      y,
                                     const char *id);
/* Lists the named parts of @widget (a drawn panel's slots, say). */
typedef void (*CordGeometryFunc)    (GtkWidget           *widget,
                                     CordGeometryAddFunc  add,
                                     gpointer             add_data);

/* Names @widget for the test hook: its centre is reported as @id while
 * it is mapped. Costs nothing when the hook is off. */
void cord_geometry_tag      (GtkWidget        *widget,
                             const char       *id);
/* Lets @widget report named parts of itself while it is mapped. */
void cord_geometry_set_func (GtkWidget        *widget,
                             CordGeometryFunc  func);
/* Every tagged widget and part below @root, one "WIDGET X Y PREFIX/ID"
 * line each, X and Y in pixels from the corner of the widget's surface. */
void cord_geometry_describe (GtkWidget        *root,
                             const char       *prefix,
                             GString          *out);

G_END_DECLS

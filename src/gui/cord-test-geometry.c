/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Names on widgets and on parts of drawn widgets, which the window's test hook (PATCHCORD_TEST_GEOMETRY) reports with their places on screen. */
#include "config.h"

#include "cord-test-geometry.h"

#define TAG_KEY  "cord-geometry-id"
#define FUNC_KEY "cord-geometry-func"

void
cord_geometry_tag (GtkWidget  *widget,
                   const char *id)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (id != NULL);

  g_object_set_data_full (G_OBJECT (widget), TAG_KEY, g_strdup (id), g_free);
}

void
cord_geometry_set_func (GtkWidget        *widget,
                        CordGeometryFunc  func)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), FUNC_KEY, (gpointer) func);
}

typedef struct {
  GString    *out;
  const char *prefix;
} Describe;

/* (@x, @y) of @widget in pixels from its surface's corner. */
static gboolean
surface_point (GtkWidget *widget,
               double     x,
               double     y,
               double    *out_x,
               double    *out_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t p;
  double tx, ty;

  g_assert (GTK_IS_WIDGET (widget));

  if (native == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &p))
    return FALSE;
  gtk_native_get_surface_transform (native, &tx, &ty);
  *out_x = p.x + tx;
  *out_y = p.y + ty;
  if (GTK_IS_POPOVER (native))
    {
      GdkSurface *surface = gtk_native_get_surface (native);

      if (surface == NULL || !GDK_IS_POPUP (surface))
        return FALSE;
      *out_x += gdk_popup_get_position_x (GDK_POPUP (surface));
      *out_y += gdk_popup_get_position_y (GDK_POPUP (surface));
    }
  return TRUE;
}

static void
add_point (gpointer    add_data,
           GtkWidget  *widget,
           double      x,
           double      y,
           const char *id)
{
  Describe *d = add_data;
  double sx, sy;

  g_assert (d != NULL);

  if (surface_point (widget, x, y, &sx, &sy))
    g_string_append_printf (d->out, "WIDGET %.0f %.0f %s/%s\n", sx, sy, d->prefix, id);
}

static void
describe (GtkWidget *widget,
          Describe  *d)
{
  const char *id;
  CordGeometryFunc func;

  g_assert (GTK_IS_WIDGET (widget));

  if (!gtk_widget_get_mapped (widget))
    return;
  id = g_object_get_data (G_OBJECT (widget), TAG_KEY);
  if (id != NULL)
    add_point (d, widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, id);
  func = (CordGeometryFunc) g_object_get_data (G_OBJECT (widget), FUNC_KEY);
  if (func != NULL)
    func (widget, add_point, d);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    describe (child, d);
}

void
cord_geometry_describe (GtkWidget  *root,
                        const char *prefix,
                        GString    *out)
{
  Describe d = { out, prefix };

  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (prefix != NULL && out != NULL);

  describe (root, &d);
}

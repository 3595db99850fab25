/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordRender exports: the lab's extents, the whole lab on a white page, and the lab written as a PNG, SVG or PDF file. */
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <string.h>

#include "cord-error.h"
#include "cord-render-private.h"

/* Cairo's image surfaces stop at this many pixels a side. */
#define MAX_IMAGE_SIDE 32767

void
cord_render_get_lab_extents (CordRender      *self,
                             graphene_rect_t *extents)
{
  gboolean any = FALSE;
  graphene_rect_t r;

  g_return_if_fail (self != NULL);
  g_return_if_fail (extents != NULL);

  graphene_rect_init (extents, 0, 0, 0, 0);
  for (guint i = 0; self->topology && i < cord_topology_get_n_devices (self->topology); i++)
    {
      cord_render_device_bounds (self, cord_topology_get_device (self->topology, i), &r);
      if (any)
        graphene_rect_union (extents, &r, extents);
      else
        *extents = r;
      any = TRUE;
    }
  for (guint i = 0; self->topology && i < cord_topology_get_n_notes (self->topology); i++)
    {
      cord_render_note_bounds (self, cord_topology_get_note (self->topology, i), &r);
      if (any)
        graphene_rect_union (extents, &r, extents);
      else
        *extents = r;
      any = TRUE;
    }
  if (!any)
    graphene_rect_init (extents, 0, 0, 160, 120);
  graphene_rect_inset (extents, -CORD_RENDER_MARGIN, -CORD_RENDER_MARGIN);
  graphene_rect_round_extents (extents, extents);
}

void
cord_render_lab (CordRender *self,
                 cairo_t    *cr)
{
  graphene_rect_t extents;
  double sx = 1, sy = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cord_render_get_lab_extents (self, &extents);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, extents.size.width, extents.size.height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_translate (cr, -extents.origin.x, -extents.origin.y);
  /* Rasterise icons at twice the target's resolution, so exports stay
   * crisp on paper and in vector formats. */
  cairo_user_to_device_distance (cr, &sx, &sy);
  cord_render_draw (self, cr, &extents, 1.0, 2 * MAX (1.0, hypot (sx, sy)), CORD_RENDER_EXPORT);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
cord_render_lab_to_file (CordRender  *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  graphene_rect_t extents;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  display = g_filename_display_name (path);
  cord_render_get_lab_extents (self, &extents);
  if (g_str_has_suffix (lower, ".png"))
    {
      if (extents.size.width > MAX_IMAGE_SIDE || extents.size.height > MAX_IMAGE_SIDE)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                       _("%s: the lab is too large for a PNG picture (%.0f × %.0f pixels, at most %d a side); "
                         "name the file .svg or .pdf instead"),
                       display, extents.size.width, extents.size.height, MAX_IMAGE_SIDE);
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) extents.size.width,
                                            (int) extents.size.height);
      png = TRUE;
    }
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, extents.size.width,
                                                   extents.size.height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, extents.size.width,
                                                   extents.size.height);
  else
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s: unknown picture format; name the file .png, .svg or .pdf"), display);
      return FALSE;
    }

  cr = cairo_create (surface);
  cord_render_lab (self, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && png)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_FAILED,
                   _("%s: could not draw the lab (%s); try a smaller lab or another format"),
                   display, cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, error))
    {
      g_prefix_error (error, _("Could not save the picture (choose a folder you can write to): "));
      return FALSE;
    }
  return TRUE;
}

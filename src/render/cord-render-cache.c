/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordRender's static layer: the lab drawn once into an image surface for a view, reused (or scrolled) by every frame, with selection, hover and the dragged items drawn over it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cord-render-private.h"

void
cord_render_set_cache_enabled (CordRender *self,
                               gboolean    enabled)
{
  g_return_if_fail (self != NULL);

  self->cache_disabled = !enabled;
  g_clear_pointer (&self->cache, cairo_surface_destroy);
}

/* Which items a drag leaves out of the static layer. */
static guint64
moving_signature (CordRender *self)
{
  GHashTable *sets[] = { self->state.sel_devices, self->state.sel_notes };
  guint64 sig = 0;

  if (!self->state.moving)
    return 0;
  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      GHashTableIter iter;
      gpointer key;

      if (sets[s] == NULL)
        continue;
      sig = sig * 1000003u + g_hash_table_size (sets[s]);
      g_hash_table_iter_init (&iter, sets[s]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        sig ^= (guint64) (guintptr) key * 0x9e3779b97f4a7c15u;
    }
  return sig;
}

/* Whether a light the static layer shows has changed colour since. */
static gboolean
lights_changed (CordRender *self)
{
  for (guint i = 0; i < self->cache_light_ports->len; i++)
    if (cord_render_port_light (self, self->cache_light_ports->pdata[i]) !=
        g_array_index (self->cache_lights, CordRenderLight, i))
      return TRUE;
  return FALSE;
}

/* Draws the static layer into @cr (widget coordinates), within @clip (in
 * widget coordinates) or everywhere, and records the lights it shows. */
static void
draw_static (CordRender            *self,
             cairo_t               *cr,
             const CordRenderView  *view,
             const graphene_rect_t *clip)
{
  RenderPaint p;
  graphene_rect_t area;

  cairo_save (cr);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->origin.x, clip->origin.y, clip->size.width, clip->size.height);
      cairo_clip (cr);
    }
  cord_render_draw_grid (cr, view->origin_x, view->origin_y, view->zoom, view->width, view->height);
  if (clip != NULL)
    {
      /* A margin catches what overhangs its bounds (note shadows). */
      graphene_rect_init (&area, view->origin_x + clip->origin.x / view->zoom - 16,
                          view->origin_y + clip->origin.y / view->zoom - 16,
                          clip->size.width / view->zoom + 32, clip->size.height / view->zoom + 32);
    }
  else
    graphene_rect_init (&area, view->origin_x, view->origin_y,
                        view->width / view->zoom, view->height / view->zoom);
  cairo_scale (cr, view->zoom, view->zoom);
  cairo_translate (cr, -view->origin_x, -view->origin_y);
  _cord_render_paint_init (&p, self, cr, &area, view->zoom, view->zoom * view->scale, 0,
                           RENDER_LAYER_STATIC);
  _cord_render_paint (&p);
  cairo_restore (cr);
  for (guint i = 0; i < self->visible_lights->len; i++)
    {
      const RenderLightAt *l = &g_array_index (self->visible_lights, RenderLightAt, i);

      g_ptr_array_add (self->cache_light_ports, l->port);
      g_array_append_val (self->cache_lights, l->light);
    }
}

/* A pan by whole device pixels keeps what stays in view, and draws only
 * the strips that come into view. */
static gboolean
scroll_cache (CordRender           *self,
              const CordRenderView *view)
{
  const CordRenderView *old = &self->cache_view;
  double fx = (old->origin_x - view->origin_x) * view->zoom * view->scale;
  double fy = (old->origin_y - view->origin_y) * view->zoom * view->scale;
  int dx = (int) lround (fx), dy = (int) lround (fy);
  int pw = view->width * view->scale, ph = view->height * view->scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  double lx, ly;

  if (old->width != view->width || old->height != view->height || old->scale != view->scale ||
      old->zoom != view->zoom || fabs (fx - dx) > 1e-6 || fabs (fy - dy) > 1e-6 ||
      abs (dx) >= pw / 2 || abs (dy) >= ph / 2)
    return FALSE;
  surface = cairo_surface_create_similar_image (self->cache, CAIRO_FORMAT_RGB24, pw, ph);
  cairo_surface_set_device_scale (surface, view->scale, view->scale);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, self->cache, (double) dx / view->scale, (double) dy / view->scale);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  lx = (double) dx / view->scale;
  ly = (double) dy / view->scale;
  /* The columns, then the rows that came into view. */
  if (dx > 0)
    draw_static (self, cr, view, &GRAPHENE_RECT_INIT (0, 0, lx, view->height));
  else if (dx < 0)
    draw_static (self, cr, view, &GRAPHENE_RECT_INIT (view->width + lx, 0, -lx, view->height));
  if (dy > 0)
    draw_static (self, cr, view, &GRAPHENE_RECT_INIT (0, 0, view->width, ly));
  else if (dy < 0)
    draw_static (self, cr, view, &GRAPHENE_RECT_INIT (0, view->height + ly, view->width, -ly));
  cairo_destroy (cr);
  cairo_surface_destroy (self->cache);
  self->cache = surface;
  return TRUE;
}

gboolean
cord_render_update_cache (CordRender           *self,
                          const CordRenderView *view)
{
  guint64 moving_sig;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL && view != NULL, FALSE);
  g_return_val_if_fail (view->width > 0 && view->height > 0 && view->scale > 0 && view->zoom > 0, FALSE);

  moving_sig = moving_signature (self);
  if (self->cache != NULL && self->cache_serial == self->serial &&
      self->cache_moving == self->state.moving && self->cache_moving_sig == moving_sig &&
      self->cache_renaming == self->state.renaming &&
      self->cache_editing == self->state.editing_note && !lights_changed (self))
    {
      if (memcmp (&self->cache_view, view, sizeof *view) == 0)
        return FALSE;
      if (self->topology != NULL && scroll_cache (self, view))
        {
          self->cache_view = *view;
          return TRUE;
        }
    }

  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_ptr_array_set_size (self->cache_light_ports, 0);
  g_array_set_size (self->cache_lights, 0);
  /* The page is opaque white: no alpha channel to blend. */
  self->cache = cairo_image_surface_create (CAIRO_FORMAT_RGB24, view->width * view->scale,
                                            view->height * view->scale);
  cairo_surface_set_device_scale (self->cache, view->scale, view->scale);
  cr = cairo_create (self->cache);
  if (self->topology != NULL)
    draw_static (self, cr, view, NULL);
  else
    cord_render_draw_grid (cr, view->origin_x, view->origin_y, view->zoom, view->width, view->height);
  cairo_destroy (cr);
  self->cache_view = *view;
  self->cache_serial = self->serial;
  self->cache_moving = self->state.moving;
  self->cache_moving_sig = moving_sig;
  self->cache_renaming = self->state.renaming;
  self->cache_editing = self->state.editing_note;
  return TRUE;
}

/* Selection and hover of the items in the static layer. */
static void
draw_decorations (RenderPaint *p)
{
  CordRender *self = p->self;
  cairo_t *cr = p->cr;
  const CordRenderHit *hover = &self->state.hover;
  GHashTableIter iter;
  gpointer item;

  if (self->state.sel_links != NULL)
    {
      g_hash_table_iter_init (&iter, self->state.sel_links);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        if (!_cord_render_link_moving (self, item))
          _cord_render_link_halo_over (p, item, TRUE);
    }
  if (hover->kind == CORD_RENDER_HIT_LINK &&
      !_cord_render_selected (self, self->state.sel_links, hover->item) &&
      !_cord_render_link_moving (self, hover->item))
    _cord_render_link_halo_over (p, hover->item, FALSE);

  if (self->state.sel_notes != NULL)
    {
      g_hash_table_iter_init (&iter, self->state.sel_notes);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        {
          graphene_rect_t r;

          if (_cord_render_note_moving (self, item))
            continue;
          _cord_render_note_path (p, item, &r);
          _cord_render_set_rgb (cr, &RENDER_ACCENT, 1);
          cairo_set_line_width (cr, MAX (2.0, 1.0 / p->zoom));
          cairo_stroke (cr);
        }
    }

  if (self->state.sel_devices != NULL && !self->state.moving)
    {
      g_hash_table_iter_init (&iter, self->state.sel_devices);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        _cord_render_device_back_over (p, item, TRUE);
    }
  if ((hover->kind == CORD_RENDER_HIT_DEVICE || hover->kind == CORD_RENDER_HIT_DEVICE_NAME) &&
      !_cord_render_selected (self, self->state.sel_devices, hover->item))
    _cord_render_device_back_over (p, hover->item, FALSE);
  if (self->state.sel_devices != NULL && !self->state.moving)
    {
      g_hash_table_iter_init (&iter, self->state.sel_devices);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        _cord_render_name_pill_over (p, item);
    }
}

void
cord_render_frame (CordRender           *self,
                   cairo_t              *cr,
                   const CordRenderView *view)
{
  graphene_rect_t area;
  RenderPaint p;

  g_return_if_fail (self != NULL && cr != NULL && view != NULL);
  g_return_if_fail (view->zoom > 0 && view->scale > 0);

  if (view->width <= 0 || view->height <= 0)
    return;
  graphene_rect_init (&area, view->origin_x, view->origin_y,
                      view->width / view->zoom, view->height / view->zoom);
  if (self->cache_disabled || self->topology == NULL)
    {
      cord_render_draw_grid (cr, view->origin_x, view->origin_y, view->zoom, view->width, view->height);
      if (self->topology == NULL)
        return;
      cairo_save (cr);
      cairo_scale (cr, view->zoom, view->zoom);
      cairo_translate (cr, -view->origin_x, -view->origin_y);
      cord_render_draw (self, cr, &area, view->zoom, view->zoom * view->scale, 0);
      cairo_restore (cr);
      return;
    }

  cord_render_update_cache (self, view);
  cairo_save (cr);
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
  cairo_scale (cr, view->zoom, view->zoom);
  cairo_translate (cr, -view->origin_x, -view->origin_y);
  _cord_render_paint_init (&p, self, cr, &area, view->zoom, view->zoom * view->scale, 0,
                           RENDER_LAYER_MOVING);
  draw_decorations (&p);
  if (self->state.moving)
    _cord_render_paint (&p);
  cairo_restore (cr);
}

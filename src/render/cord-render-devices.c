/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordRender devices: which are on screen, their selection and hover backs, their icons (from the SVG art or as fallback shapes) and their labels. */
#include <math.h>

#include "cord-render-private.h"

/* ---------------------------------------------------------------------- */
/* Devices                                                                 */
/* ---------------------------------------------------------------------- */

/* Drawn when the icon resource is missing: one clean shape per kind. */
static void
draw_fallback_icon (cairo_t        *cr,
                    CordDeviceKind  kind,
                    double          cx,
                    double          cy,
                    double          alpha)
{
  double s = CORD_RENDER_ICON;

  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, s / 48.0, s / 48.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (kind)
    {
    case CORD_KIND_ROUTER:
      /* A cylinder with the four arrows of a router. */
      cairo_rectangle (cr, -21, -6, 42, 14);
      cairo_save (cr);
      cairo_translate (cr, 0, 8);
      cairo_scale (cr, 21, 7);
      cairo_arc (cr, 0, 0, 1, 0, G_PI);
      cairo_restore (cr);
      cairo_set_source_rgba (cr, 0.102, 0.373, 0.706, alpha);
      cairo_fill (cr);
      cairo_save (cr);
      cairo_translate (cr, 0, -6);
      cairo_scale (cr, 21, 7);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_set_source_rgba (cr, 0.384, 0.627, 0.918, alpha);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, alpha);
      cairo_set_line_width (cr, 2);
      for (int k = 0; k < 4; k++)
        {
          double ax = (k & 1) ? 1 : -1, ay = (k & 2) ? 1 : -1;

          cairo_move_to (cr, ax * 3, -6 + ay * 1);
          cairo_line_to (cr, ax * 13, -6 + ay * 4.5);
        }
      cairo_stroke (cr);
      break;

    case CORD_KIND_SWITCH:
    case CORD_KIND_L3SWITCH:
    case CORD_KIND_BRIDGE:
    case CORD_KIND_HUB:
      {
        /* A flat box seen from above the front, arrows on its top. */
        double h = kind == CORD_KIND_L3SWITCH ? 20 : 12;
        double r = 0.25, g = 0.52, b = 0.78;

        if (kind == CORD_KIND_L3SWITCH)
          r = 0.38, g = 0.21, b = 0.51;
        else if (kind == CORD_KIND_BRIDGE)
          r = 0.15, g = 0.55, b = 0.45;
        else if (kind == CORD_KIND_HUB)
          r = 0.37, g = 0.36, b = 0.39;
        cairo_move_to (cr, -22, -h / 2 + 2);
        cairo_line_to (cr, -14, -h / 2 - 8);
        cairo_line_to (cr, 22, -h / 2 - 8);
        cairo_line_to (cr, 22, h / 2 + 2);
        cairo_line_to (cr, 14, h / 2 + 8);
        cairo_line_to (cr, -22, h / 2 + 8);
        cairo_close_path (cr);
        cairo_set_source_rgba (cr, r * 0.7, g * 0.7, b * 0.7, alpha);
        cairo_fill (cr);
        cairo_move_to (cr, -22, -h / 2 + 2);
        cairo_line_to (cr, -14, -h / 2 - 8);
        cairo_line_to (cr, 22, -h / 2 - 8);
        cairo_line_to (cr, 14, -h / 2 + 2);
        cairo_close_path (cr);
        cairo_set_source_rgba (cr, MIN (1, r + 0.25), MIN (1, g + 0.25), MIN (1, b + 0.2), alpha);
        cairo_fill (cr);
        cairo_set_source_rgba (cr, 1, 1, 1, alpha);
        cairo_set_line_width (cr, 1.6);
        if (kind == CORD_KIND_HUB)
          for (int k = 0; k < 5; k++)
            {
              cairo_arc (cr, -13 + k * 6.5, h / 2 - 1, 1.3, 0, 2 * G_PI);
              cairo_fill (cr);
            }
        else
          {
            double ty = -h / 2 - 3;

            cairo_move_to (cr, -10, ty - 1.5);
            cairo_line_to (cr, 12, ty - 1.5);
            cairo_rel_line_to (cr, -3, -2);
            cairo_move_to (cr, 12, ty + 1.5);
            cairo_line_to (cr, -10, ty + 1.5);
            cairo_rel_line_to (cr, 3, 2);
            cairo_stroke (cr);
            if (kind == CORD_KIND_L3SWITCH)
              {
                cairo_move_to (cr, 0, 10);
                cairo_line_to (cr, 0, -2);
                cairo_rel_line_to (cr, -3, 3);
                cairo_move_to (cr, 0, -2);
                cairo_rel_line_to (cr, 3, 3);
                cairo_stroke (cr);
              }
          }
      }
      break;

    case CORD_KIND_PC:
    case CORD_KIND_LAPTOP:
      {
        gboolean laptop = kind == CORD_KIND_LAPTOP;
        double w = laptop ? 34 : 38, h = laptop ? 22 : 26, top = laptop ? -16 : -19;

        _cord_render_rounded_rect (cr, -w / 2, top, w, h, 2.5);
        cairo_set_source_rgba (cr, 0.24, 0.22, 0.27, alpha);
        cairo_fill (cr);
        cairo_rectangle (cr, -w / 2 + 2.5, top + 2.5, w - 5, h - 5);
        cairo_set_source_rgba (cr, 0.6, 0.76, 0.95, alpha);
        cairo_fill (cr);
        if (laptop)
          {
            cairo_move_to (cr, -w / 2, top + h + 1);
            cairo_line_to (cr, w / 2, top + h + 1);
            cairo_line_to (cr, w / 2 + 6, top + h + 8);
            cairo_line_to (cr, -w / 2 - 6, top + h + 8);
            cairo_close_path (cr);
          }
        else
          {
            cairo_rectangle (cr, -3, top + h, 6, 6);
            _cord_render_rounded_rect (cr, -12, top + h + 6, 24, 4, 1.5);
          }
        cairo_set_source_rgba (cr, 0.37, 0.36, 0.39, alpha);
        cairo_fill (cr);
      }
      break;

    case CORD_KIND_SERVER:
      _cord_render_rounded_rect (cr, -12, -21, 24, 42, 3);
      cairo_set_source_rgba (cr, 0.24, 0.22, 0.27, alpha);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, 0.6, 0.6, 0.64, alpha);
      for (int k = 0; k < 4; k++)
        cairo_rectangle (cr, -8, -16 + k * 7, 16, 3.5);
      cairo_fill (cr);
      cairo_arc (cr, 6, 15, 1.8, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, RENDER_LIGHT_UP.r, RENDER_LIGHT_UP.g, RENDER_LIGHT_UP.b, alpha);
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

void
_cord_render_collect_visible (CordRender            *self,
                              const graphene_rect_t *area)
{
  guint n = cord_topology_get_n_devices (self->topology);

  g_ptr_array_set_size (self->visible, 0);
  for (guint i = 0; i < n; i++)
    {
      CordDevice *device = cord_topology_get_device (self->topology, i);
      graphene_rect_t r;
      double x, y;

      /* A cheap test first: labels are never wider than the margin. */
      cord_render_device_position (self, device, &x, &y);
      if (x < area->origin.x - 220 || x > area->origin.x + area->size.width + 220 ||
          y < area->origin.y - 80 || y > area->origin.y + area->size.height + 40)
        continue;
      cord_render_device_bounds (self, device, &r);
      if (graphene_rect_intersection (&r, area, NULL))
        g_ptr_array_add (self->visible, device);
    }
}

void
_cord_render_draw_device_backs (RenderPaint *p)
{
  CordRender *self = p->self;
  cairo_t *cr = p->cr;

  for (guint i = 0; i < self->visible->len; i++)
    {
      CordDevice *device = self->visible->pdata[i];
      gboolean selected = _cord_render_selected (self, self->state.sel_devices, device);
      gboolean hovered = self->state.hover.item == device &&
                         (self->state.hover.kind == CORD_RENDER_HIT_DEVICE ||
                          self->state.hover.kind == CORD_RENDER_HIT_DEVICE_NAME);
      graphene_rect_t r;

      if (p->decorate && (selected || hovered))
        {
          cord_render_icon_bounds (self, device, &r);
          graphene_rect_inset (&r, -5, -5);
          _cord_render_rounded_rect (cr, r.origin.x, r.origin.y, r.size.width, r.size.height, 8);
          if (selected)
            {
              _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.16);
              cairo_fill_preserve (cr);
              _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.9);
              cairo_set_line_width (cr, MAX (1.5, 1.0 / p->zoom));
              cairo_stroke (cr);
            }
          else
            {
              cairo_set_source_rgba (cr, 0, 0, 0, 0.06);
              cairo_fill (cr);
            }
        }
    }
}

/* On screen the icon, rasterised at the size it covers, is copied to
 * whole device pixels; elsewhere a larger one is scaled down. */
static void
paint_icon (RenderPaint     *p,
            cairo_surface_t *surface,
            double           x,
            double           y,
            double           alpha)
{
  cairo_t *cr = p->cr;
  double scale = CORD_RENDER_ICON / cairo_image_surface_get_width (surface);

  g_assert (surface != NULL);

  cairo_save (cr);
  if (p->snap_icons)
    {
      cairo_matrix_t m;
      double ux = x - CORD_RENDER_ICON / 2, uy = y - CORD_RENDER_ICON / 2;
      double per_pixel;

      cairo_get_matrix (cr, &m);
      cairo_matrix_transform_point (&m, &ux, &uy);
      /* Units of @cr's identity space per icon pixel: 1 unless the
       * target is scaled after recording (HiDPI). */
      per_pixel = m.xx * scale;
      ux = round (ux / per_pixel) * per_pixel;
      uy = round (uy / per_pixel) * per_pixel;
      cairo_identity_matrix (cr);
      cairo_translate (cr, ux, uy);
      if (fabs (per_pixel - 1) > 1e-6)
        cairo_scale (cr, per_pixel, per_pixel);
    }
  else
    {
      cairo_translate (cr, x - CORD_RENDER_ICON / 2, y - CORD_RENDER_ICON / 2);
      cairo_scale (cr, scale, scale);
    }
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  if (alpha < 1)
    cairo_paint_with_alpha (cr, alpha);
  else
    cairo_paint (cr);
  cairo_restore (cr);
}

void
_cord_render_draw_icons (RenderPaint *p)
{
  CordRender *self = p->self;

  for (guint i = 0; i < self->visible->len; i++)
    {
      CordDevice *device = self->visible->pdata[i];
      cairo_surface_t *surface = p->icons[device->model->kind];
      double alpha = device->powered ? 1.0 : 0.4;
      double x, y;

      cord_render_device_position (self, device, &x, &y);
      if (surface == NULL)
        draw_fallback_icon (p->cr, device->model->kind, x, y, alpha);
      else
        paint_icon (p, surface, x, y, alpha);
    }
}

void
_cord_render_draw_labels (RenderPaint *p)
{
  CordRender *self = p->self;
  cairo_t *cr = p->cr;
  gboolean export = (p->flags & CORD_RENDER_EXPORT) != 0;

  /* Text smaller than about five pixels is noise, not information. */
  if (!export && p->zoom * CORD_RENDER_NAME_SIZE < 5)
    return;
  for (guint i = 0; i < self->visible->len; i++)
    {
      CordDevice *device = self->visible->pdata[i];
      RenderLabels *labels = _cord_render_device_labels (self, device);
      gboolean selected = p->decorate && _cord_render_selected (self, self->state.sel_devices, device);
      gboolean show_model;
      graphene_rect_t model_rect, name_rect, block;

      if (device == self->state.renaming && !export)
        continue;
      _cord_render_label_rects (self, device, &model_rect, &name_rect);
      show_model = export || p->zoom * CORD_RENDER_MODEL_SIZE >= 6;
      /* A soft backdrop keeps labels readable where cables cross them. */
      block = name_rect;
      if (show_model)
        graphene_rect_union (&block, &model_rect, &block);
      graphene_rect_inset (&block, -4, -1);
      _cord_render_rounded_rect (cr, block.origin.x, block.origin.y, block.size.width, block.size.height, 4);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_fill (cr);
      if (show_model)
        {
          cairo_move_to (cr, model_rect.origin.x, model_rect.origin.y);
          _cord_render_set_rgb (cr, &RENDER_INK_DIM, 1);
          pango_cairo_show_layout (cr, labels->model);
        }
      if (selected)
        {
          graphene_rect_t pill = name_rect;

          graphene_rect_inset (&pill, -4, -1);
          _cord_render_rounded_rect (cr, pill.origin.x, pill.origin.y, pill.size.width, pill.size.height, 4);
          _cord_render_set_rgb (cr, &RENDER_ACCENT, 1);
          cairo_fill (cr);
        }
      cairo_move_to (cr, name_rect.origin.x, name_rect.origin.y);
      if (selected)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        _cord_render_set_rgb (cr, &RENDER_INK, 1);
      pango_cairo_show_layout (cr, labels->name);
    }
}

/* ---------------------------------------------------------------------- */
/* Decorations over a static layer                                         */
/* ---------------------------------------------------------------------- */

void
_cord_render_device_back_over (RenderPaint *p,
                               CordDevice  *device,
                               gboolean     selected)
{
  CordRender *self = p->self;
  cairo_t *cr = p->cr;
  cairo_surface_t *surface = p->icons[device->model->kind];
  graphene_rect_t r;
  double x, y;

  cord_render_icon_bounds (self, device, &r);
  graphene_rect_inset (&r, -5, -5);
  if (!graphene_rect_intersection (&r, &p->area, NULL))
    return;
  cairo_save (cr);
  cairo_push_group (cr);
  _cord_render_rounded_rect (cr, r.origin.x, r.origin.y, r.size.width, r.size.height, 8);
  if (selected)
    {
      _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.16);
      cairo_fill_preserve (cr);
      _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.9);
      cairo_set_line_width (cr, MAX (1.5, 1.0 / p->zoom));
      cairo_stroke (cr);
    }
  else
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.06);
      cairo_fill (cr);
    }
  /* The static layer shows the icon over its back: cut the icon out. */
  cord_render_device_position (self, device, &x, &y);
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OUT);
  if (surface != NULL)
    paint_icon (p, surface, x, y, device->powered ? 1.0 : 0.4);
  else
    draw_fallback_icon (cr, device->model->kind, x, y, device->powered ? 1.0 : 0.4);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
_cord_render_name_pill_over (RenderPaint *p,
                             CordDevice  *device)
{
  CordRender *self = p->self;
  cairo_t *cr = p->cr;
  graphene_rect_t model_rect, name_rect, pill;

  if (p->zoom * CORD_RENDER_NAME_SIZE < 5 || device == self->state.renaming)
    return;
  _cord_render_label_rects (self, device, &model_rect, &name_rect);
  pill = name_rect;
  graphene_rect_inset (&pill, -4, -1);
  if (!graphene_rect_intersection (&pill, &p->area, NULL))
    return;
  _cord_render_rounded_rect (cr, pill.origin.x, pill.origin.y, pill.size.width, pill.size.height, 4);
  _cord_render_set_rgb (cr, &RENDER_ACCENT, 1);
  cairo_fill (cr);
  cairo_move_to (cr, name_rect.origin.x, name_rect.origin.y);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, _cord_render_device_labels (self, device)->name);
}

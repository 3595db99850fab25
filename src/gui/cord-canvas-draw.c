/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordCanvas drawing: caches, geometry, hit testing, notes, overlays, frames and tooltips; cables live in cord-canvas-draw-links.c and devices in cord-canvas-draw-devices.c. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cord-canvas-private.h"

#define ICON_RESOURCE     "/org/patchcord/Patchcord/icons/devices/%s.svg"
#define LABEL_GAP         4.0

void
_cord_canvas_set_rgb (cairo_t         *cr,
                      const CanvasRgb *c,
                      double           alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

void
_cord_canvas_rounded_rect (cairo_t *cr,
                           double   x,
                           double   y,
                           double   w,
                           double   h,
                           double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

double
_cord_canvas_rect_bottom (const graphene_rect_t *r)
{
  return r->origin.y + r->size.height;
}

static gboolean
rect_contains (const graphene_rect_t *r,
               double                 x,
               double                 y)
{
  return x >= r->origin.x && y >= r->origin.y &&
         x <= r->origin.x + r->size.width && y <= r->origin.y + r->size.height;
}

/* ---------------------------------------------------------------------- */
/* Caches                                                                  */
/* ---------------------------------------------------------------------- */

static void
icon_free (gpointer data)
{
  CanvasIcon *icon = data;

  g_clear_object (&icon->texture);
  g_clear_pointer (&icon->surface, cairo_surface_destroy);
  g_free (icon);
}

static void
labels_free (gpointer data)
{
  CanvasLabels *labels = data;

  g_clear_object (&labels->name);
  g_clear_object (&labels->model);
  g_free (labels);
}

void
_cord_canvas_draw_init (CordCanvas *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  g_assert (CORD_IS_CANVAS (self));

  /* Hinted metrics would make labels jump as the zoom changes. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);

  self->icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, icon_free);
  self->labels = g_hash_table_new_full (NULL, NULL, NULL, labels_free);
  self->note_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->link_offsets = g_hash_table_new (NULL, NULL);
  self->visible = g_ptr_array_new ();
  self->link_offsets_dirty = TRUE;
}

/* Forgets everything laid out or rasterised for the current lab. */
void
_cord_canvas_draw_clear (CordCanvas *self)
{
  g_assert (CORD_IS_CANVAS (self));

  g_hash_table_remove_all (self->labels);
  g_hash_table_remove_all (self->note_layouts);
  g_hash_table_remove_all (self->link_offsets);
  g_ptr_array_set_size (self->visible, 0);
  self->link_offsets_dirty = TRUE;
}

void
_cord_canvas_forget_device (CordCanvas *self,
                            CordDevice *device)
{
  g_assert (CORD_IS_CANVAS (self));
  g_hash_table_remove (self->labels, device);
}

void
_cord_canvas_forget_note (CordCanvas *self,
                          CordNote   *note)
{
  g_assert (CORD_IS_CANVAS (self));
  g_hash_table_remove (self->note_layouts, note);
}

static PangoLayout *
make_layout (CordCanvas  *self,
             const char  *text,
             double       size,
             PangoWeight  weight)
{
  PangoContext *widget_context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *base = pango_context_get_font_description (widget_context);
  PangoFontDescription *desc = base ? pango_font_description_copy (base)
                                    : pango_font_description_from_string ("Sans");
  PangoLayout *layout = pango_layout_new (self->pango);

  /* Absolute sizes keep labels in model units, the same on every screen
   * and in every export. */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_font_description_free (desc);
  return layout;
}

CanvasLabels *
_cord_canvas_device_labels (CordCanvas *self,
                            CordDevice *device)
{
  CanvasLabels *labels = g_hash_table_lookup (self->labels, device);

  if (labels == NULL)
    {
      labels = g_new0 (CanvasLabels, 1);
      labels->name = make_layout (self, device->name, CANVAS_NAME_SIZE, PANGO_WEIGHT_SEMIBOLD);
      labels->model = make_layout (self, device->model->name, CANVAS_MODEL_SIZE, PANGO_WEIGHT_NORMAL);
      g_hash_table_insert (self->labels, device, labels);
    }
  return labels;
}

static PangoLayout *
note_layout (CordCanvas *self,
             CordNote   *note)
{
  PangoLayout *layout = g_hash_table_lookup (self->note_layouts, note);

  if (layout == NULL)
    {
      layout = make_layout (self, note->text, 11.0, PANGO_WEIGHT_NORMAL);
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_width (layout, (int) ((CANVAS_NOTE_WIDTH - 2 * CANVAS_NOTE_PAD) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      g_hash_table_insert (self->note_layouts, note, layout);
    }
  return layout;
}

const char *
_cord_canvas_icon_name (CordDeviceKind kind)
{
  switch (kind)
    {
    case CORD_KIND_ROUTER:   return "router";
    case CORD_KIND_SWITCH:   return "switch";
    case CORD_KIND_L3SWITCH: return "multilayer-switch";
    case CORD_KIND_BRIDGE:   return "bridge";
    case CORD_KIND_HUB:      return "hub";
    case CORD_KIND_PC:       return "pc";
    case CORD_KIND_LAPTOP:   return "laptop";
    case CORD_KIND_SERVER:   return "server";
    default:
      g_return_val_if_reached ("router");
    }
}

/* Icons are rasterised at a few sizes only, so zooming reuses them. */
static int
icon_bucket (double pixels)
{
  static const int sizes[] = { 24, 32, 48, 64, 96, 128, 192, 256, 384 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (sizes[i] >= pixels)
      return sizes[i];
  return sizes[G_N_ELEMENTS (sizes) - 1];
}

static CanvasIcon *
lookup_icon (CordCanvas     *self,
             CordDeviceKind  kind,
             int             px)
{
  const char *name = _cord_canvas_icon_name (kind);
  g_autofree char *key = g_strdup_printf ("%s@%d", name, px);
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  CanvasIcon *icon = g_hash_table_lookup (self->icons, key);

  if (icon != NULL)
    return icon;
  /* A missing resource is remembered as an empty entry: the fallback
   * shape is drawn and the resource is not looked for again. */
  icon = g_new0 (CanvasIcon, 1);
  path = g_strdup_printf (ICON_RESOURCE, name);
  pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, px, px, TRUE, NULL);
  if (pixbuf != NULL)
    icon->texture = gdk_texture_new_for_pixbuf (pixbuf);
  g_hash_table_insert (self->icons, g_steal_pointer (&key), icon);
  return icon;
}

/* Where each fallback shape draws, around the icon's centre. */
static const graphene_rect_t fallback_art[CANVAS_N_KINDS] = {
  [CORD_KIND_ROUTER]   = { { -21, -13 }, { 42, 28 } },
  [CORD_KIND_SWITCH]   = { { -22, -14 }, { 44, 28 } },
  [CORD_KIND_L3SWITCH] = { { -22, -18 }, { 44, 36 } },
  [CORD_KIND_BRIDGE]   = { { -22, -14 }, { 44, 28 } },
  [CORD_KIND_HUB]      = { { -22, -14 }, { 44, 28 } },
  [CORD_KIND_PC]       = { { -19, -19 }, { 38, 36 } },
  [CORD_KIND_LAPTOP]   = { { -23, -16 }, { 46, 31 } },
  [CORD_KIND_SERVER]   = { { -12, -21 }, { 24, 42 } },
};

/* The opaque part of a kind's icon, around its centre: cables end at its
 * edge, labels sit under it and the selection hugs it. Measured once. */
const graphene_rect_t *
_cord_canvas_art_box (CordCanvas     *self,
                      CordDeviceKind  kind)
{
  const int px = 96;
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  int x0 = px, y0 = px, x1 = -1, y1 = -1;

  if (self->art_known & (1u << kind))
    return &self->art[kind];
  self->art_known |= 1u << kind;
  self->art[kind] = fallback_art[kind];
  path = g_strdup_printf (ICON_RESOURCE, _cord_canvas_icon_name (kind));
  pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, px, px, TRUE, NULL);
  if (pixbuf == NULL)
    return &self->art[kind];
  if (gdk_pixbuf_get_has_alpha (pixbuf) && gdk_pixbuf_get_n_channels (pixbuf) == 4)
    {
      const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
      int stride = gdk_pixbuf_get_rowstride (pixbuf);

      for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
        for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
          if (pixels[y * stride + x * 4 + 3] > 32)
            {
              x0 = MIN (x0, x);
              y0 = MIN (y0, y);
              x1 = MAX (x1, x);
              y1 = MAX (y1, y);
            }
    }
  if (x1 < 0)
    graphene_rect_init (&self->art[kind], -CANVAS_ICON / 2, -CANVAS_ICON / 2, CANVAS_ICON, CANVAS_ICON);
  else
    {
      double scale = CANVAS_ICON / px;

      graphene_rect_init (&self->art[kind], x0 * scale - CANVAS_ICON / 2, y0 * scale - CANVAS_ICON / 2,
                          (x1 - x0 + 1) * scale, (y1 - y0 + 1) * scale);
    }
  return &self->art[kind];
}

/* ---------------------------------------------------------------------- */
/* Geometry                                                                */
/* ---------------------------------------------------------------------- */

void
_cord_canvas_device_position (CordCanvas *self,
                              CordDevice *device,
                              double     *x,
                              double     *y)
{
  g_assert (CORD_IS_CANVAS (self));

  *x = device->x;
  *y = device->y;
  if (self->drag_mode == CANVAS_DRAG_MOVE && self->drag_started &&
      g_hash_table_contains (self->sel_devices, device))
    {
      *x += self->drag_dx;
      *y += self->drag_dy;
    }
}

static void
layout_size (PangoLayout *layout,
             double      *w,
             double      *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *w = (double) logical.width / PANGO_SCALE;
  *h = (double) logical.height / PANGO_SCALE;
}

/* The model label sits under the icon and the name under the model. */
void
_cord_canvas_label_rects (CordCanvas      *self,
                          CordDevice      *device,
                          graphene_rect_t *model_rect,
                          graphene_rect_t *name_rect)
{
  CanvasLabels *labels = _cord_canvas_device_labels (self, device);
  double x, y, mw, mh, nw, nh;

  _cord_canvas_device_position (self, device, &x, &y);
  layout_size (labels->model, &mw, &mh);
  layout_size (labels->name, &nw, &nh);
  graphene_rect_init (model_rect, x - mw / 2,
                      y + _cord_canvas_rect_bottom (_cord_canvas_art_box (self, device->model->kind)) + LABEL_GAP,
                      mw, mh);
  graphene_rect_init (name_rect, x - nw / 2, model_rect->origin.y + mh, nw, nh);
}

void
_cord_canvas_name_bounds (CordCanvas      *self,
                          CordDevice      *device,
                          graphene_rect_t *bounds)
{
  graphene_rect_t model_rect;

  g_assert (CORD_IS_CANVAS (self));
  _cord_canvas_label_rects (self, device, &model_rect, bounds);
  graphene_rect_inset (bounds, -4, -1);
}

static void
icon_rect (CordCanvas      *self,
           CordDevice      *device,
           graphene_rect_t *rect)
{
  double x, y;

  _cord_canvas_device_position (self, device, &x, &y);
  graphene_rect_offset_r (_cord_canvas_art_box (self, device->model->kind), x, y, rect);
}

void
_cord_canvas_icon_bounds (CordCanvas      *self,
                          CordDevice      *device,
                          graphene_rect_t *bounds)
{
  g_assert (CORD_IS_CANVAS (self));
  icon_rect (self, device, bounds);
}

void
_cord_canvas_device_bounds (CordCanvas      *self,
                            CordDevice      *device,
                            graphene_rect_t *bounds)
{
  graphene_rect_t model_rect, name_rect;

  g_assert (CORD_IS_CANVAS (self));
  icon_rect (self, device, bounds);
  graphene_rect_inset (bounds, -7, -7);
  _cord_canvas_label_rects (self, device, &model_rect, &name_rect);
  graphene_rect_inset (&name_rect, -4, -1);
  graphene_rect_union (bounds, &model_rect, bounds);
  graphene_rect_union (bounds, &name_rect, bounds);
}

void
_cord_canvas_note_bounds (CordCanvas      *self,
                          CordNote        *note,
                          graphene_rect_t *bounds)
{
  double w, h, x = note->x, y = note->y;

  g_assert (CORD_IS_CANVAS (self));
  layout_size (note_layout (self, note), &w, &h);
  if (self->drag_mode == CANVAS_DRAG_MOVE && self->drag_started &&
      g_hash_table_contains (self->sel_notes, note))
    {
      x += self->drag_dx;
      y += self->drag_dy;
    }
  graphene_rect_init (bounds, x, y, MAX (w, 48) + 2 * CANVAS_NOTE_PAD,
                      MAX (h, 14) + 2 * CANVAS_NOTE_PAD);
}

/* ---------------------------------------------------------------------- */
/* Hit testing                                                             */
/* ---------------------------------------------------------------------- */

static double
segment_distance (double            px,
                  double            py,
                  graphene_point_t *a,
                  graphene_point_t *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - a->x) * dx + (py - a->y) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (a->x + t * dx), py - (a->y + t * dy));
}

CanvasHit
_cord_canvas_hit_test (CordCanvas *self,
                       double      mx,
                       double      my)
{
  CanvasHit hit = { CANVAS_HIT_NONE, NULL };
  double tolerance = MAX (4.0, 6.0 / self->zoom);

  g_assert (CORD_IS_CANVAS (self));

  if (self->topology == NULL)
    return hit;

  /* Topmost first: devices are drawn last, so they win. */
  for (guint i = cord_topology_get_n_devices (self->topology); i-- > 0;)
    {
      CordDevice *device = cord_topology_get_device (self->topology, i);
      graphene_rect_t r;
      double x, y;

      _cord_canvas_device_position (self, device, &x, &y);
      if (fabs (mx - x) > 200 || fabs (my - y) > 80)
        continue;
      icon_rect (self, device, &r);
      graphene_rect_inset (&r, -4, -4);
      if (rect_contains (&r, mx, my))
        return (CanvasHit) { CANVAS_HIT_DEVICE, device };
      _cord_canvas_name_bounds (self, device, &r);
      if (rect_contains (&r, mx, my))
        return (CanvasHit) { CANVAS_HIT_DEVICE_NAME, device };
      _cord_canvas_device_bounds (self, device, &r);
      if (rect_contains (&r, mx, my))
        return (CanvasHit) { CANVAS_HIT_DEVICE, device };
    }

  for (guint i = cord_topology_get_n_links (self->topology); i-- > 0;)
    {
      CordLink *link = cord_topology_get_link (self->topology, i);
      graphene_point_t a, b;

      if (_cord_canvas_link_ends (self, link, &a, &b) &&
          segment_distance (mx, my, &a, &b) <= tolerance)
        return (CanvasHit) { CANVAS_HIT_LINK, link };
    }

  for (guint i = cord_topology_get_n_notes (self->topology); i-- > 0;)
    {
      CordNote *note = cord_topology_get_note (self->topology, i);
      graphene_rect_t r;

      _cord_canvas_note_bounds (self, note, &r);
      if (rect_contains (&r, mx, my))
        return (CanvasHit) { CANVAS_HIT_NOTE, note };
    }
  return hit;
}

/* ---------------------------------------------------------------------- */
/* Notes and overlays                                                      */
/* ---------------------------------------------------------------------- */

static void
draw_notes (CanvasPaint *p)
{
  CordCanvas *self = p->self;
  cairo_t *cr = p->cr;
  guint n = cord_topology_get_n_notes (self->topology);

  for (guint i = 0; i < n; i++)
    {
      CordNote *note = cord_topology_get_note (self->topology, i);
      gboolean selected = !(p->flags & CANVAS_PAINT_EXPORT) &&
                          g_hash_table_contains (self->sel_notes, note);
      graphene_rect_t r;

      _cord_canvas_note_bounds (self, note, &r);
      if (!graphene_rect_intersection (&r, &p->area, NULL))
        continue;
      _cord_canvas_rounded_rect (cr, r.origin.x + 1, r.origin.y + 2, r.size.width, r.size.height, 3);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.10);
      cairo_fill (cr);
      _cord_canvas_rounded_rect (cr, r.origin.x, r.origin.y, r.size.width, r.size.height, 3);
      _cord_canvas_set_rgb (cr, &CANVAS_NOTE_PAPER, 1);
      cairo_fill_preserve (cr);
      if (selected)
        {
          _cord_canvas_set_rgb (cr, &CANVAS_ACCENT, 1);
          cairo_set_line_width (cr, MAX (2.0, 1.0 / p->zoom));
        }
      else
        {
          _cord_canvas_set_rgb (cr, &CANVAS_NOTE_EDGE, 1);
          cairo_set_line_width (cr, 1);
        }
      cairo_stroke (cr);
      if (note == self->editing_note)
        continue;
      cairo_move_to (cr, r.origin.x + CANVAS_NOTE_PAD, r.origin.y + CANVAS_NOTE_PAD);
      _cord_canvas_set_rgb (cr, &CANVAS_INK, 1);
      pango_cairo_show_layout (cr, note_layout (self, note));
    }
}

static void
draw_overlays (CanvasPaint *p)
{
  CordCanvas *self = p->self;
  cairo_t *cr = p->cr;
  double px = self->origin_x + self->pointer_x / self->zoom;
  double py = self->origin_y + self->pointer_y / self->zoom;

  if (self->drag_mode == CANVAS_DRAG_RUBBER && self->drag_started)
    {
      double x0 = self->origin_x + self->drag_x0 / self->zoom;
      double y0 = self->origin_y + self->drag_y0 / self->zoom;

      cairo_rectangle (cr, MIN (x0, x0 + self->drag_dx), MIN (y0, y0 + self->drag_dy),
                       fabs (self->drag_dx), fabs (self->drag_dy));
      _cord_canvas_set_rgb (cr, &CANVAS_ACCENT, 0.12);
      cairo_fill_preserve (cr);
      _cord_canvas_set_rgb (cr, &CANVAS_ACCENT, 0.8);
      cairo_set_line_width (cr, 1.0 / p->zoom);
      cairo_stroke (cr);
    }

  if (self->connect_from != NULL && self->pointer_inside)
    {
      static const double dash[] = { 5.0, 4.0 };
      double x, y;

      CordDevice *from = self->connect_from->device;
      double len, t;

      _cord_canvas_device_position (self, from, &x, &y);
      len = hypot (px - x, py - y);
      t = len > 0 ? _cord_canvas_exit_distance (_cord_canvas_art_box (self, from->model->kind),
                                                (px - x) / len, (py - y) / len) : 0;
      if (t >= len)
        return;
      cairo_move_to (cr, x + (px - x) / len * t, y + (py - y) / len * t);
      cairo_line_to (cr, px, py);
      _cord_canvas_set_rgb (cr, &CANVAS_ACCENT, 0.9);
      cairo_set_line_width (cr, MAX (2.0, 1.0 / p->zoom));
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_arc (cr, px, py, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_grid (CordCanvas *self,
           cairo_t    *cr,
           double      width,
           double      height)
{
  double step = CANVAS_GRID * self->zoom;
  int every = 1;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* Thin the grid out as it zooms away, so it stays a light texture. */
  while (step * every < 10)
    every *= 5;
  cairo_set_line_width (cr, 1);
  for (int major = 0; major < 2; major++)
    {
      int stride = every * (major ? 5 : 1);
      double spacing = CANVAS_GRID * stride;
      double first_x = floor (self->origin_x / spacing) * spacing;
      double first_y = floor (self->origin_y / spacing) * spacing;

      for (double gx = first_x; (gx - self->origin_x) * self->zoom <= width; gx += spacing)
        {
          double sx = round ((gx - self->origin_x) * self->zoom) + 0.5;

          cairo_move_to (cr, sx, 0);
          cairo_line_to (cr, sx, height);
        }
      for (double gy = first_y; (gy - self->origin_y) * self->zoom <= height; gy += spacing)
        {
          double sy = round ((gy - self->origin_y) * self->zoom) + 0.5;

          cairo_move_to (cr, 0, sy);
          cairo_line_to (cr, width, sy);
        }
      cairo_set_source_rgba (cr, 0.1, 0.2, 0.4, major ? 0.07 : 0.035);
      cairo_stroke (cr);
    }
}

/* ---------------------------------------------------------------------- */
/* Frames                                                                  */
/* ---------------------------------------------------------------------- */

static void
paint_init (CanvasPaint           *p,
            CordCanvas            *self,
            const graphene_rect_t *area,
            double                 zoom,
            int                    icon_px,
            CanvasPaintFlags       flags)
{
  p->self = self;
  p->area = *area;
  p->zoom = zoom;
  p->flags = flags;
  for (guint k = 0; k < CANVAS_N_KINDS; k++)
    p->icons[k] = lookup_icon (self, (CordDeviceKind) k, icon_px);
  _cord_canvas_update_link_offsets (self);
  _cord_canvas_collect_visible (self, area);
}

static void
paint_below (CanvasPaint *p)
{
  draw_notes (p);
  _cord_canvas_draw_links (p);
  _cord_canvas_draw_device_backs (p);
}

void
_cord_canvas_snapshot (CordCanvas  *self,
                       GtkSnapshot *snapshot)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  graphene_rect_t area, bounds = GRAPHENE_RECT_INIT (0, 0, w, h);
  CanvasPaint p;

  g_assert (CORD_IS_CANVAS (self));

  p.cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  draw_grid (self, p.cr, w, h);
  if (self->topology == NULL)
    {
      cairo_destroy (p.cr);
      return;
    }
  graphene_rect_init (&area, self->origin_x, self->origin_y, w / self->zoom, h / self->zoom);
  paint_init (&p, self, &area, self->zoom, icon_bucket (CANVAS_ICON * self->zoom * scale), 0);
  cairo_scale (p.cr, self->zoom, self->zoom);
  cairo_translate (p.cr, -self->origin_x, -self->origin_y);
  paint_below (&p);
  _cord_canvas_draw_icons_cairo (&p, TRUE);
  cairo_destroy (p.cr);

  /* Icons are textures, uploaded once per size and shared by every frame. */
  for (guint i = 0; i < self->visible->len; i++)
    {
      CordDevice *device = self->visible->pdata[i];
      CanvasIcon *icon = p.icons[device->model->kind];
      double x, y;

      if (icon->texture == NULL)
        continue;
      _cord_canvas_device_position (self, device, &x, &y);
      if (!device->powered)
        gtk_snapshot_push_opacity (snapshot, 0.4);
      gtk_snapshot_append_texture (snapshot, icon->texture,
                                   &GRAPHENE_RECT_INIT ((x - CANVAS_ICON / 2 - self->origin_x) * self->zoom,
                                                        (y - CANVAS_ICON / 2 - self->origin_y) * self->zoom,
                                                        CANVAS_ICON * self->zoom,
                                                        CANVAS_ICON * self->zoom));
      if (!device->powered)
        gtk_snapshot_pop (snapshot);
    }

  p.cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_scale (p.cr, self->zoom, self->zoom);
  cairo_translate (p.cr, -self->origin_x, -self->origin_y);
  _cord_canvas_draw_labels (&p);
  draw_overlays (&p);
  if (self->drop_model != NULL)
    {
      /* The palette's drag icon follows the pointer; this marks where the
       * device will land. */
      const CordModelSpec *model =
        cord_catalog_lookup_model (cord_topology_get_catalog (self->topology), self->drop_model);
      static const double dash[] = { 4.0, 3.0 };
      graphene_rect_t r;

      if (model != NULL)
        {
          graphene_rect_offset_r (_cord_canvas_art_box (self, model->kind), self->drop_x, self->drop_y, &r);
          graphene_rect_inset (&r, -5, -5);
          _cord_canvas_rounded_rect (p.cr, r.origin.x, r.origin.y, r.size.width, r.size.height, 8);
          _cord_canvas_set_rgb (p.cr, &CANVAS_ACCENT, 0.12);
          cairo_fill_preserve (p.cr);
          _cord_canvas_set_rgb (p.cr, &CANVAS_ACCENT, 0.9);
          cairo_set_line_width (p.cr, 1.5 / self->zoom);
          cairo_set_dash (p.cr, dash, 2, 0);
          cairo_stroke (p.cr);
        }
    }
  cairo_destroy (p.cr);
}

void
_cord_canvas_paint (CordCanvas            *self,
                    cairo_t               *cr,
                    const graphene_rect_t *area,
                    CanvasPaintFlags       flags)
{
  double sx = 1, sy = 0;
  CanvasPaint p;

  g_assert (CORD_IS_CANVAS (self));

  if (self->topology == NULL)
    return;
  /* Rasterise icons at twice the target's resolution, so exports stay
   * crisp on paper and in vector formats. */
  cairo_user_to_device_distance (cr, &sx, &sy);
  paint_init (&p, self, area, 1.0, icon_bucket (CANVAS_ICON * 2 * MAX (1.0, hypot (sx, sy))), flags);
  p.cr = cr;
  cairo_save (cr);
  paint_below (&p);
  _cord_canvas_draw_icons_cairo (&p, FALSE);
  _cord_canvas_draw_labels (&p);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* Tooltips                                                                */
/* ---------------------------------------------------------------------- */

static char *
format_ipv4 (guint32 address,
             guint32 mask)
{
  int prefix = 0;

  for (guint32 m = mask; m & 0x80000000u; m <<= 1)
    prefix++;
  return g_strdup_printf ("%u.%u.%u.%u/%d", address >> 24, (address >> 16) & 0xff,
                          (address >> 8) & 0xff, address & 0xff, prefix);
}

static const char *
port_state_text (CordCanvas *self,
                 CordPort   *port)
{
  CordLink *link = port->link;
  CordPort *peer = cord_link_get_peer (link, port);

  if (link->cable == CORD_CABLE_CONSOLE)
    return _("console");
  if (!port->device->powered)
    return _("down, the device is off");
  if (link->state == CORD_LINK_WRONG_CABLE)
    return _("down, wrong cable type");
  if (!peer->device->powered)
    return _("down, the other end is off");
  if (self->sim != NULL && cord_sim_port_get_shutdown (self->sim, port))
    return _("administratively down");
  switch (cord_canvas_get_port_light (self, port))
    {
    case CORD_CANVAS_LIGHT_UP:      return _("up");
    case CORD_CANVAS_LIGHT_WAITING: return _("up, not forwarding yet");
    case CORD_CANVAS_LIGHT_DOWN:
    case CORD_CANVAS_LIGHT_NONE:
    default:                        return _("down");
    }
}

char *
_cord_canvas_tooltip_markup (CordCanvas *self,
                             CanvasHit   hit)
{
  GString *text;

  g_assert (CORD_IS_CANVAS (self));

  switch (hit.kind)
    {
    case CANVAS_HIT_DEVICE:
    case CANVAS_HIT_DEVICE_NAME:
      {
        CordDevice *device = hit.item;
        gboolean host = cord_kind_is_host (device->model->kind);
        guint cabled = 0;

        text = g_string_new (NULL);
        {
          g_autofree char *head = g_markup_printf_escaped ("<b>%s</b>", device->name);
          g_autofree char *model = g_markup_escape_text (device->model->name, -1);

          g_string_append (text, head);
          if (!device->powered)
            g_string_append_printf (text, " <i>(%s)</i>", _("off"));
          g_string_append_printf (text, "\n%s", model);
        }
        for (guint i = 0; i < device->ports->len; i++)
          {
            CordPort *port = device->ports->pdata[i];
            g_autofree char *line = NULL;
            g_autofree char *ip = NULL;

            if (port->link == NULL)
              continue;
            cabled++;
            if (host && port->medium != CORD_MEDIUM_CONSOLE)
              {
                if (device->host.address != 0)
                  ip = format_ipv4 (device->host.address, device->host.mask);
                if (device->host.dhcp)
                  {
                    g_autofree char *plain = g_steal_pointer (&ip);

                    ip = plain ? g_strdup_printf (_("%s (DHCP)"), plain) : g_strdup (_("DHCP"));
                  }
              }
            line = ip ? g_markup_printf_escaped ("\n%s  %s  <i>%s</i>", port->name, ip,
                                                 port_state_text (self, port))
                      : g_markup_printf_escaped ("\n%s  <i>%s</i>", port->name,
                                                 port_state_text (self, port));
            g_string_append (text, line);
          }
        if (cabled == 0)
          g_string_append_printf (text, "\n<i>%s</i>", _("No cables"));
        return g_string_free (text, FALSE);
      }

    case CANVAS_HIT_LINK:
      {
        CordLink *link = hit.item;
        CordPort *a = link->ends[0], *b = link->ends[1];
        const char *why = link->state == CORD_LINK_WRONG_CABLE
                          ? _("Wrong cable type: the link stays down") : NULL;

        return g_markup_printf_escaped (why ? "<b>%s</b>\n%s %s — %s %s\n<i>%s</i>"
                                            : "<b>%s</b>\n%s %s — %s %s",
                                        cord_cable_label (link->cable), a->device->name, a->name,
                                        b->device->name, b->name, why);
      }

    case CANVAS_HIT_NOTE:
    case CANVAS_HIT_NONE:
    default:
      return NULL;
    }
}

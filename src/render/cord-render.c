/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordRender: its caches, icons rasterised from the SVG art with librsvg, label layout, geometry, hit testing, notes, the grid, overlays and one frame. */
#include <math.h>
#include <string.h>

#include <librsvg/rsvg.h>

#include "cord-render-private.h"
#include "cord-render-resources.h"

#define ICON_RESOURCE     "/org/patchcord/Patchcord/render/devices/%s.svg"
#define LABEL_GAP         4.0
#define MAX_ICON_SURFACES 96

void
_cord_render_set_rgb (cairo_t         *cr,
                      const RenderRgb *c,
                      double           alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

void
_cord_render_rounded_rect (cairo_t *cr,
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
_cord_render_rect_bottom (const graphene_rect_t *r)
{
  return r->origin.y + r->size.height;
}

gboolean
_cord_render_selected (CordRender    *self,
                       GHashTable    *set,
                       gconstpointer  item)
{
  return set != NULL && g_hash_table_contains (set, item);
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
/* The object and its caches                                               */
/* ---------------------------------------------------------------------- */

static void
labels_free (gpointer data)
{
  RenderLabels *labels = data;

  g_clear_object (&labels->name);
  g_clear_object (&labels->model);
  g_free (labels);
}

static void
surface_free (gpointer data)
{
  if (data != NULL)
    cairo_surface_destroy (data);
}

CordRender *
cord_render_new (void)
{
  CordRender *self = g_new0 (CordRender, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinted metrics would make labels jump as the zoom changes. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);

  self->icons = g_hash_table_new_full (NULL, NULL, NULL, surface_free);
  self->labels = g_hash_table_new_full (NULL, NULL, NULL, labels_free);
  self->note_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->link_offsets = g_hash_table_new (NULL, NULL);
  self->visible = g_ptr_array_new ();
  self->visible_links = g_array_new (FALSE, FALSE, sizeof (RenderCable));
  self->visible_lights = g_array_new (FALSE, FALSE, sizeof (RenderLightAt));
  self->cache_light_ports = g_ptr_array_new ();
  self->cache_lights = g_array_new (FALSE, FALSE, sizeof (CordRenderLight));
  self->link_offsets_dirty = TRUE;
  return self;
}

void
cord_render_free (CordRender *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->topology);
  g_clear_pointer (&self->icons, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->note_layouts, g_hash_table_unref);
  g_clear_pointer (&self->link_offsets, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->visible_links, g_array_unref);
  g_clear_pointer (&self->visible_lights, g_array_unref);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_pointer (&self->cache_light_ports, g_ptr_array_unref);
  g_clear_pointer (&self->cache_lights, g_array_unref);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->pango);
  g_free (self);
}

/* Forgets everything laid out for the current lab. */
void
cord_render_clear (CordRender *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->labels);
  g_hash_table_remove_all (self->note_layouts);
  g_hash_table_remove_all (self->link_offsets);
  g_ptr_array_set_size (self->visible, 0);
  self->link_offsets_dirty = TRUE;
  self->serial++;
}

void
cord_render_set_lab (CordRender   *self,
                     CordTopology *topology,
                     CordSim      *sim)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (topology == NULL || CORD_IS_TOPOLOGY (topology));

  cord_render_clear (self);
  g_set_object (&self->topology, topology);
  self->sim = sim;
  memset (&self->state, 0, sizeof self->state);
}

void
cord_render_set_font (CordRender                 *self,
                      const PangoFontDescription *font)
{
  g_return_if_fail (self != NULL);

  if (font == self->font ||
      (font != NULL && self->font != NULL && pango_font_description_equal (font, self->font)))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  if (font != NULL)
    self->font = pango_font_description_copy (font);
  g_hash_table_remove_all (self->labels);
  g_hash_table_remove_all (self->note_layouts);
  self->serial++;
}

void
cord_render_set_state (CordRender            *self,
                       const CordRenderState *state)
{
  g_return_if_fail (self != NULL);

  if (state != NULL)
    self->state = *state;
  else
    memset (&self->state, 0, sizeof self->state);
}

void
cord_render_set_forwarding_func (CordRender               *self,
                                 CordRenderForwardingFunc  func,
                                 gpointer                  user_data)
{
  g_return_if_fail (self != NULL);

  self->forwarding_func = func;
  self->forwarding_data = user_data;
  self->serial++;
}

void
cord_render_forget_device (CordRender *self,
                           CordDevice *device)
{
  g_return_if_fail (self != NULL);
  g_hash_table_remove (self->labels, device);
  self->serial++;
}

void
cord_render_forget_note (CordRender *self,
                         CordNote   *note)
{
  g_return_if_fail (self != NULL);
  g_hash_table_remove (self->note_layouts, note);
  self->serial++;
}

void
cord_render_forget_link (CordRender *self,
                         CordLink   *link)
{
  g_return_if_fail (self != NULL);
  g_hash_table_remove (self->link_offsets, link);
  self->link_offsets_dirty = TRUE;
  self->serial++;
}

void
cord_render_links_changed (CordRender *self)
{
  g_return_if_fail (self != NULL);
  self->link_offsets_dirty = TRUE;
  self->serial++;
}

void
cord_render_invalidate (CordRender *self)
{
  g_return_if_fail (self != NULL);
  self->serial++;
}

gboolean
_cord_render_device_moving (CordRender *self,
                            CordDevice *device)
{
  return self->state.moving && _cord_render_selected (self, self->state.sel_devices, device);
}

gboolean
_cord_render_link_moving (CordRender *self,
                          CordLink   *link)
{
  return self->state.moving &&
         (_cord_render_selected (self, self->state.sel_devices, link->ends[0]->device) ||
          _cord_render_selected (self, self->state.sel_devices, link->ends[1]->device));
}

gboolean
_cord_render_note_moving (CordRender *self,
                          CordNote   *note)
{
  return self->state.moving && _cord_render_selected (self, self->state.sel_notes, note);
}

gboolean
_cord_render_paints (const RenderPaint *p,
                     gboolean           moving)
{
  return p->layer == RENDER_LAYER_ALL || (p->layer == RENDER_LAYER_MOVING) == moving;
}

/* ---------------------------------------------------------------------- */
/* Text                                                                    */
/* ---------------------------------------------------------------------- */

static PangoLayout *
make_layout (CordRender  *self,
             const char  *text,
             double       size,
             PangoWeight  weight)
{
  PangoFontDescription *desc = self->font ? pango_font_description_copy (self->font)
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

RenderLabels *
_cord_render_device_labels (CordRender *self,
                            CordDevice *device)
{
  RenderLabels *labels = g_hash_table_lookup (self->labels, device);

  if (labels == NULL)
    {
      labels = g_new0 (RenderLabels, 1);
      labels->name = make_layout (self, device->name, CORD_RENDER_NAME_SIZE, PANGO_WEIGHT_SEMIBOLD);
      labels->model = make_layout (self, device->model->name, CORD_RENDER_MODEL_SIZE, PANGO_WEIGHT_NORMAL);
      g_hash_table_insert (self->labels, device, labels);
    }
  return labels;
}

static PangoLayout *
note_layout (CordRender *self,
             CordNote   *note)
{
  PangoLayout *layout = g_hash_table_lookup (self->note_layouts, note);

  if (layout == NULL)
    {
      layout = make_layout (self, note->text, 11.0, PANGO_WEIGHT_NORMAL);
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_width (layout, (int) ((CORD_RENDER_NOTE_WIDTH - 2 * CORD_RENDER_NOTE_PAD) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      g_hash_table_insert (self->note_layouts, note, layout);
    }
  return layout;
}

/* ---------------------------------------------------------------------- */
/* Icons                                                                   */
/* ---------------------------------------------------------------------- */

const char *
cord_render_icon_name (CordDeviceKind kind)
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

/* The kind's art rasterised into a @px square, or NULL when it is missing. */
static cairo_surface_t *
rasterise_icon (CordDeviceKind kind,
                int            px)
{
  g_autofree char *path = g_strdup_printf (ICON_RESOURCE, cord_render_icon_name (kind));
  g_autoptr(GBytes) bytes = g_resource_lookup_data (cord_render_get_resource (), path, 0, NULL);
  g_autoptr(GInputStream) stream = NULL;
  RsvgHandle *handle;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_assert (px > 0);

  if (bytes == NULL)
    return NULL;
  stream = g_memory_input_stream_new_from_bytes (bytes);
  handle = rsvg_handle_new_from_stream_sync (stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, &error);
  if (handle == NULL)
    {
      g_warning ("%s: %s", path, error->message);
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px, px);
  cr = cairo_create (surface);
  ok = rsvg_handle_render_document (handle, cr, &(RsvgRectangle) { 0, 0, px, px }, &error);
  cairo_destroy (cr);
  g_object_unref (handle);
  if (!ok)
    {
      g_warning ("%s: %s", path, error->message);
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

/* Icons are rasterised once per kind and size; a missing resource is
 * remembered as NULL, so the fallback shape is drawn and the art is not
 * looked for again. */
cairo_surface_t *
_cord_render_icon (CordRender     *self,
                   CordDeviceKind  kind,
                   int             px)
{
  gpointer key = GINT_TO_POINTER ((int) kind << 16 | px);
  gpointer surface;

  g_assert (px > 0 && px < 1 << 16);

  if (g_hash_table_lookup_extended (self->icons, key, NULL, &surface))
    return surface;
  /* A long zoom leaves many sizes behind; start again rather than grow. */
  if (g_hash_table_size (self->icons) >= MAX_ICON_SURFACES)
    g_hash_table_remove_all (self->icons);
  surface = rasterise_icon (kind, px);
  g_hash_table_insert (self->icons, key, surface);
  return surface;
}

/* Where each fallback shape draws, around the icon's centre. */
static const graphene_rect_t fallback_art[CORD_RENDER_N_KINDS] = {
  [CORD_KIND_ROUTER]   = { { -21, -13 }, { 42, 28 } },
  [CORD_KIND_SWITCH]   = { { -22, -14 }, { 44, 28 } },
  [CORD_KIND_L3SWITCH] = { { -22, -18 }, { 44, 36 } },
  [CORD_KIND_BRIDGE]   = { { -22, -14 }, { 44, 28 } },
  [CORD_KIND_HUB]      = { { -22, -14 }, { 44, 28 } },
  [CORD_KIND_PC]       = { { -19, -19 }, { 38, 36 } },
  [CORD_KIND_LAPTOP]   = { { -23, -16 }, { 46, 31 } },
  [CORD_KIND_SERVER]   = { { -12, -21 }, { 24, 42 } },
};

/* Cables end at the edge of this box, labels sit under it and the
 * selection hugs it. Measured once per kind. */
const graphene_rect_t *
cord_render_art_box (CordRender     *self,
                     CordDeviceKind  kind)
{
  const int px = 96;
  cairo_surface_t *surface;
  int x0 = px, y0 = px, x1 = -1, y1 = -1;

  g_return_val_if_fail (self != NULL, &fallback_art[0]);
  g_return_val_if_fail ((guint) kind < CORD_RENDER_N_KINDS, &fallback_art[0]);

  if (self->art_known & (1u << kind))
    return &self->art[kind];
  self->art_known |= 1u << kind;
  self->art[kind] = fallback_art[kind];
  surface = rasterise_icon (kind, px);
  if (surface == NULL)
    return &self->art[kind];
  cairo_surface_flush (surface);
  {
    const guint8 *pixels = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);

    for (int y = 0; y < px; y++)
      for (int x = 0; x < px; x++)
        if ((((const guint32 *) (pixels + y * stride))[x] >> 24) > 32)
          {
            x0 = MIN (x0, x);
            y0 = MIN (y0, y);
            x1 = MAX (x1, x);
            y1 = MAX (y1, y);
          }
  }
  cairo_surface_destroy (surface);
  if (x1 < 0)
    graphene_rect_init (&self->art[kind], -CORD_RENDER_ICON / 2, -CORD_RENDER_ICON / 2,
                        CORD_RENDER_ICON, CORD_RENDER_ICON);
  else
    {
      double scale = CORD_RENDER_ICON / px;

      graphene_rect_init (&self->art[kind], x0 * scale - CORD_RENDER_ICON / 2,
                          y0 * scale - CORD_RENDER_ICON / 2,
                          (x1 - x0 + 1) * scale, (y1 - y0 + 1) * scale);
    }
  return &self->art[kind];
}

/* ---------------------------------------------------------------------- */
/* Geometry                                                                */
/* ---------------------------------------------------------------------- */

void
cord_render_device_position (CordRender *self,
                             CordDevice *device,
                             double     *x,
                             double     *y)
{
  g_return_if_fail (self != NULL && device != NULL);

  *x = device->x;
  *y = device->y;
  if (self->state.moving && _cord_render_selected (self, self->state.sel_devices, device))
    {
      *x += self->state.move_dx;
      *y += self->state.move_dy;
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
_cord_render_label_rects (CordRender      *self,
                          CordDevice      *device,
                          graphene_rect_t *model_rect,
                          graphene_rect_t *name_rect)
{
  RenderLabels *labels = _cord_render_device_labels (self, device);
  double x, y, mw, mh, nw, nh;

  cord_render_device_position (self, device, &x, &y);
  layout_size (labels->model, &mw, &mh);
  layout_size (labels->name, &nw, &nh);
  graphene_rect_init (model_rect, x - mw / 2,
                      y + _cord_render_rect_bottom (cord_render_art_box (self, device->model->kind)) + LABEL_GAP,
                      mw, mh);
  graphene_rect_init (name_rect, x - nw / 2, model_rect->origin.y + mh, nw, nh);
}

void
cord_render_name_bounds (CordRender      *self,
                         CordDevice      *device,
                         graphene_rect_t *bounds)
{
  graphene_rect_t model_rect;

  g_return_if_fail (self != NULL);
  _cord_render_label_rects (self, device, &model_rect, bounds);
  graphene_rect_inset (bounds, -4, -1);
}

void
cord_render_icon_bounds (CordRender      *self,
                         CordDevice      *device,
                         graphene_rect_t *bounds)
{
  double x, y;

  g_return_if_fail (self != NULL);
  cord_render_device_position (self, device, &x, &y);
  graphene_rect_offset_r (cord_render_art_box (self, device->model->kind), x, y, bounds);
}

void
cord_render_device_bounds (CordRender      *self,
                           CordDevice      *device,
                           graphene_rect_t *bounds)
{
  graphene_rect_t model_rect, name_rect;

  g_return_if_fail (self != NULL);
  cord_render_icon_bounds (self, device, bounds);
  graphene_rect_inset (bounds, -7, -7);
  _cord_render_label_rects (self, device, &model_rect, &name_rect);
  graphene_rect_inset (&name_rect, -4, -1);
  graphene_rect_union (bounds, &model_rect, bounds);
  graphene_rect_union (bounds, &name_rect, bounds);
}

void
cord_render_note_bounds (CordRender      *self,
                         CordNote        *note,
                         graphene_rect_t *bounds)
{
  double w, h, x = note->x, y = note->y;

  g_return_if_fail (self != NULL);
  layout_size (note_layout (self, note), &w, &h);
  if (self->state.moving && _cord_render_selected (self, self->state.sel_notes, note))
    {
      x += self->state.move_dx;
      y += self->state.move_dy;
    }
  graphene_rect_init (bounds, x, y, MAX (w, 48) + 2 * CORD_RENDER_NOTE_PAD,
                      MAX (h, 14) + 2 * CORD_RENDER_NOTE_PAD);
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

CordRenderHit
cord_render_hit_test (CordRender *self,
                      double      mx,
                      double      my,
                      double      zoom)
{
  CordRenderHit hit = { CORD_RENDER_HIT_NONE, NULL };
  double tolerance = MAX (4.0, 6.0 / zoom);

  g_return_val_if_fail (self != NULL, hit);

  if (self->topology == NULL)
    return hit;

  /* Topmost first: devices are drawn last, so they win. */
  for (guint i = cord_topology_get_n_devices (self->topology); i-- > 0;)
    {
      CordDevice *device = cord_topology_get_device (self->topology, i);
      graphene_rect_t r;
      double x, y;

      cord_render_device_position (self, device, &x, &y);
      if (fabs (mx - x) > 200 || fabs (my - y) > 80)
        continue;
      cord_render_icon_bounds (self, device, &r);
      graphene_rect_inset (&r, -4, -4);
      if (rect_contains (&r, mx, my))
        return (CordRenderHit) { CORD_RENDER_HIT_DEVICE, device };
      cord_render_name_bounds (self, device, &r);
      if (rect_contains (&r, mx, my))
        return (CordRenderHit) { CORD_RENDER_HIT_DEVICE_NAME, device };
      cord_render_device_bounds (self, device, &r);
      if (rect_contains (&r, mx, my))
        return (CordRenderHit) { CORD_RENDER_HIT_DEVICE, device };
    }

  for (guint i = cord_topology_get_n_links (self->topology); i-- > 0;)
    {
      CordLink *link = cord_topology_get_link (self->topology, i);
      graphene_point_t a, b;

      if (cord_render_link_ends (self, link, &a, &b) &&
          segment_distance (mx, my, &a, &b) <= tolerance)
        return (CordRenderHit) { CORD_RENDER_HIT_LINK, link };
    }

  for (guint i = cord_topology_get_n_notes (self->topology); i-- > 0;)
    {
      CordNote *note = cord_topology_get_note (self->topology, i);
      graphene_rect_t r;

      cord_render_note_bounds (self, note, &r);
      if (rect_contains (&r, mx, my))
        return (CordRenderHit) { CORD_RENDER_HIT_NOTE, note };
    }
  return hit;
}

/* ---------------------------------------------------------------------- */
/* Notes, overlays and the grid                                            */
/* ---------------------------------------------------------------------- */

void
_cord_render_note_path (RenderPaint     *p,
                        CordNote        *note,
                        graphene_rect_t *r)
{
  cord_render_note_bounds (p->self, note, r);
  _cord_render_rounded_rect (p->cr, r->origin.x, r->origin.y, r->size.width, r->size.height, 3);
}

static void
draw_notes (RenderPaint *p)
{
  CordRender *self = p->self;
  cairo_t *cr = p->cr;
  guint n = cord_topology_get_n_notes (self->topology);

  for (guint i = 0; i < n; i++)
    {
      CordNote *note = cord_topology_get_note (self->topology, i);
      gboolean selected = p->decorate && _cord_render_selected (self, self->state.sel_notes, note);
      graphene_rect_t r;

      if (!_cord_render_paints (p, _cord_render_note_moving (self, note)))
        continue;
      cord_render_note_bounds (self, note, &r);
      if (!graphene_rect_intersection (&r, &p->area, NULL))
        continue;
      _cord_render_rounded_rect (cr, r.origin.x + 1, r.origin.y + 2, r.size.width, r.size.height, 3);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.10);
      cairo_fill (cr);
      _cord_render_rounded_rect (cr, r.origin.x, r.origin.y, r.size.width, r.size.height, 3);
      _cord_render_set_rgb (cr, &RENDER_NOTE_PAPER, 1);
      cairo_fill_preserve (cr);
      if (selected)
        {
          _cord_render_set_rgb (cr, &RENDER_ACCENT, 1);
          cairo_set_line_width (cr, MAX (2.0, 1.0 / p->zoom));
        }
      else
        {
          _cord_render_set_rgb (cr, &RENDER_NOTE_EDGE, 1);
          cairo_set_line_width (cr, 1);
        }
      cairo_stroke (cr);
      if (note == self->state.editing_note && !(p->flags & CORD_RENDER_EXPORT))
        continue;
      cairo_move_to (cr, r.origin.x + CORD_RENDER_NOTE_PAD, r.origin.y + CORD_RENDER_NOTE_PAD);
      _cord_render_set_rgb (cr, &RENDER_INK, 1);
      pango_cairo_show_layout (cr, note_layout (self, note));
    }
}

void
cord_render_draw_band (cairo_t               *cr,
                       const graphene_rect_t *band,
                       double                 zoom)
{
  g_return_if_fail (cr != NULL && band != NULL);

  cairo_rectangle (cr, band->origin.x, band->origin.y, band->size.width, band->size.height);
  _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.12);
  cairo_fill_preserve (cr);
  _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.8);
  cairo_set_line_width (cr, 1.0 / zoom);
  cairo_stroke (cr);
}

void
cord_render_draw_connect_preview (CordRender *self,
                                  cairo_t    *cr,
                                  CordDevice *from,
                                  double      px,
                                  double      py,
                                  double      zoom)
{
  static const double dash[] = { 5.0, 4.0 };
  double x, y, len, t;

  g_return_if_fail (self != NULL && cr != NULL && from != NULL);

  cord_render_device_position (self, from, &x, &y);
  len = hypot (px - x, py - y);
  t = len > 0 ? _cord_render_exit_distance (cord_render_art_box (self, from->model->kind),
                                            (px - x) / len, (py - y) / len) : 0;
  if (t >= len)
    return;
  cairo_move_to (cr, x + (px - x) / len * t, y + (py - y) / len * t);
  cairo_line_to (cr, px, py);
  _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.9);
  cairo_set_line_width (cr, MAX (2.0, 1.0 / zoom));
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, px, py, 3.5, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* The palette's drag icon follows the pointer; this marks where the
 * device will land. */
void
cord_render_draw_drop_marker (CordRender     *self,
                              cairo_t        *cr,
                              CordDeviceKind  kind,
                              double          x,
                              double          y,
                              double          zoom)
{
  static const double dash[] = { 4.0, 3.0 };
  graphene_rect_t r;

  g_return_if_fail (self != NULL && cr != NULL);

  graphene_rect_offset_r (cord_render_art_box (self, kind), x, y, &r);
  graphene_rect_inset (&r, -5, -5);
  _cord_render_rounded_rect (cr, r.origin.x, r.origin.y, r.size.width, r.size.height, 8);
  _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.12);
  cairo_fill_preserve (cr);
  _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.9);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
cord_render_draw_grid (cairo_t *cr,
                       double   origin_x,
                       double   origin_y,
                       double   zoom,
                       double   width,
                       double   height)
{
  double step = CORD_RENDER_GRID * zoom;
  int every = 1;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (zoom > 0);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* Thin the grid out as it zooms away, so it stays a light texture. */
  while (step * every < 10)
    every *= 5;
  cairo_set_line_width (cr, 1);
  for (int major = 0; major < 2; major++)
    {
      int stride = every * (major ? 5 : 1);
      double spacing = CORD_RENDER_GRID * stride;
      double first_x = floor (origin_x / spacing) * spacing;
      double first_y = floor (origin_y / spacing) * spacing;

      for (double gx = first_x; (gx - origin_x) * zoom <= width; gx += spacing)
        {
          double sx = round ((gx - origin_x) * zoom) + 0.5;

          cairo_move_to (cr, sx, 0);
          cairo_line_to (cr, sx, height);
        }
      for (double gy = first_y; (gy - origin_y) * zoom <= height; gy += spacing)
        {
          double sy = round ((gy - origin_y) * zoom) + 0.5;

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

/* Icons are rasterised at a few sizes only, so vector exports reuse them. */
static int
icon_bucket (double pixels)
{
  static const int sizes[] = { 24, 32, 48, 64, 96, 128, 192, 256, 384 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (sizes[i] >= pixels)
      return sizes[i];
  return sizes[G_N_ELEMENTS (sizes) - 1];
}

void
_cord_render_paint_init (RenderPaint           *p,
                         CordRender            *self,
                         cairo_t               *cr,
                         const graphene_rect_t *area,
                         double                 zoom,
                         double                 pixels_per_unit,
                         CordRenderFlags        flags,
                         RenderLayer            layer)
{
  int px;

  memset (p, 0, sizeof *p);
  p->self = self;
  p->cr = cr;
  p->area = *area;
  p->zoom = zoom;
  p->flags = flags;
  p->layer = layer;
  p->decorate = !(flags & CORD_RENDER_EXPORT) && layer != RENDER_LAYER_STATIC;
  p->icon_px = CORD_RENDER_ICON * pixels_per_unit;
  /* On screen an icon is rasterised at exactly the size it covers and
   * copied pixel for pixel; exports scale a larger one. */
  p->snap_icons = !(flags & CORD_RENDER_EXPORT);
  px = p->snap_icons ? MAX (1, (int) lround (p->icon_px)) : icon_bucket (p->icon_px);
  p->icon_px = px;
  for (guint k = 0; k < CORD_RENDER_N_KINDS; k++)
    p->icons[k] = _cord_render_icon (self, (CordDeviceKind) k, px);
}

void
_cord_render_paint (RenderPaint *p)
{
  CordRender *self = p->self;
  cairo_t *cr = p->cr;

  _cord_render_update_link_offsets (self);
  _cord_render_collect_visible (self, &p->area);
  if (p->layer != RENDER_LAYER_ALL)
    {
      guint kept = 0;

      for (guint i = 0; i < self->visible->len; i++)
        if (_cord_render_paints (p, _cord_render_device_moving (self, self->visible->pdata[i])))
          self->visible->pdata[kept++] = self->visible->pdata[i];
      g_ptr_array_set_size (self->visible, kept);
    }

  cairo_save (cr);
  draw_notes (p);
  _cord_render_draw_links (p);
  _cord_render_draw_device_backs (p);
  _cord_render_draw_icons (p);
  _cord_render_draw_labels (p);
  cairo_restore (cr);
}

void
cord_render_draw (CordRender            *self,
                  cairo_t               *cr,
                  const graphene_rect_t *area,
                  double                 zoom,
                  double                 pixels_per_unit,
                  CordRenderFlags        flags)
{
  RenderPaint p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL && area != NULL);
  g_return_if_fail (zoom > 0 && pixels_per_unit > 0);

  if (self->topology == NULL)
    return;
  _cord_render_paint_init (&p, self, cr, area, zoom, pixels_per_unit, flags, RENDER_LAYER_ALL);
  _cord_render_paint (&p);
}

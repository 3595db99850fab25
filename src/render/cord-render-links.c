/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordRender cables: where they run, how parallel ones fan out, where their link lights sit and what colour they show, and drawing both. */
#include <math.h>
#include <stdlib.h>

#include "cord-render-private.h"

#define LINK_SPACING      5.0     /* half the gap between parallel cables */
#define LIGHT_RADIUS      4.5
#define LIGHT_MAX_OFFSET  40.0
#define CABLE_GAP         4.0

/* ---------------------------------------------------------------------- */
/* Geometry                                                                */
/* ---------------------------------------------------------------------- */

typedef struct {
  guint64   pair;
  CordLink *link;
} PairEntry;

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const PairEntry *pa = a, *pb = b;

  if (pa->pair != pb->pair)
    return pa->pair < pb->pair ? -1 : 1;
  return pa->link->id < pb->link->id ? -1 : pa->link->id > pb->link->id;
}

/* Cables between the same two devices are fanned out side by side. */
void
_cord_render_update_link_offsets (CordRender *self)
{
  guint n;
  g_autofree PairEntry *entries = NULL;

  if (!self->link_offsets_dirty)
    return;
  self->link_offsets_dirty = FALSE;
  g_hash_table_remove_all (self->link_offsets);
  n = self->topology ? cord_topology_get_n_links (self->topology) : 0;
  entries = g_new (PairEntry, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      CordLink *link = cord_topology_get_link (self->topology, i);
      guint a = link->ends[0]->device->id, b = link->ends[1]->device->id;

      entries[i].pair = ((guint64) MIN (a, b) << 32) | MAX (a, b);
      entries[i].link = link;
    }
  qsort (entries, n, sizeof *entries, compare_pairs);
  for (guint i = 0; i < n;)
    {
      guint j = i;

      while (j < n && entries[j].pair == entries[i].pair)
        j++;
      for (guint k = i; k < j; k++)
        {
          int half_steps = 2 * (int) (k - i) - (int) (j - i - 1);

          if (half_steps != 0)
            g_hash_table_insert (self->link_offsets, entries[k].link, GINT_TO_POINTER (half_steps));
        }
      i = j;
    }
}

/* How far a ray from the icon's centre runs before it leaves @art. */
double
_cord_render_exit_distance (const graphene_rect_t *art,
                            double                 ux,
                            double                 uy)
{
  double tx = G_MAXDOUBLE, ty = G_MAXDOUBLE;

  if (ux > 1e-9)
    tx = ((art->origin.x + art->size.width) + CABLE_GAP) / ux;
  else if (ux < -1e-9)
    tx = (art->origin.x - CABLE_GAP) / ux;
  if (uy > 1e-9)
    ty = (_cord_render_rect_bottom (art) + CABLE_GAP) / uy;
  else if (uy < -1e-9)
    ty = (art->origin.y - CABLE_GAP) / uy;
  return MAX (0, MIN (tx, ty));
}

gboolean
cord_render_link_ends (CordRender       *self,
                        CordLink         *link,
                        graphene_point_t *a,
                        graphene_point_t *b)
{
  CordDevice *da = link->ends[0]->device, *db = link->ends[1]->device;
  double ax, ay, bx, by, dx, dy, len, ux, uy, nx, ny, off, ta, tb;

  g_return_val_if_fail (self != NULL, FALSE);

  _cord_render_update_link_offsets (self);
  cord_render_device_position (self, da, &ax, &ay);
  cord_render_device_position (self, db, &bx, &by);
  dx = bx - ax;
  dy = by - ay;
  len = hypot (dx, dy);
  if (len < 1)
    return FALSE;
  ux = dx / len;
  uy = dy / len;
  /* The normal points the same way whichever end comes first, so the
   * fan of parallel cables does not cross itself. */
  nx = da->id < db->id ? -uy : uy;
  ny = da->id < db->id ? ux : -ux;
  off = GPOINTER_TO_INT (g_hash_table_lookup (self->link_offsets, link)) * LINK_SPACING;
  ax += nx * off;
  ay += ny * off;
  bx += nx * off;
  by += ny * off;

  /* Trim each end to the edge of what its icon draws. */
  ta = _cord_render_exit_distance (cord_render_art_box (self, da->model->kind), ux, uy);
  tb = _cord_render_exit_distance (cord_render_art_box (self, db->model->kind), -ux, -uy);
  if (ta + tb >= len - 4)
    return FALSE;
  graphene_point_init (a, ax + ux * ta, ay + uy * ta);
  graphene_point_init (b, bx - ux * tb, by - uy * tb);
  return TRUE;
}

/* Where the segment @a→@b leaves @r, as a fraction of its length, when
 * it starts inside @r or just at its edge; 0 otherwise (Liang–Barsky). */
static double
leave_fraction (const graphene_point_t *a,
                const graphene_point_t *b,
                const graphene_rect_t  *r)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - r->origin.x, r->origin.x + r->size.width - a->x,
                  a->y - r->origin.y, _cord_render_rect_bottom (r) - a->y };
  double t0 = 0, t1 = 1;

  for (guint i = 0; i < 4; i++)
    {
      if (fabs (p[i]) < 1e-9)
        {
          if (q[i] < 0)
            return 0;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }
  return t0 <= 0.02 && t1 > t0 ? t1 : 0;
}

/* The label block under a device, as drawn. */
static void
label_block (CordRender      *self,
             CordDevice      *device,
             graphene_rect_t *block)
{
  graphene_rect_t model_rect;

  _cord_render_label_rects (self, device, &model_rect, block);
  graphene_rect_union (block, &model_rect, block);
  graphene_rect_inset (block, -4, -1);
}

gboolean
cord_render_light_position (CordRender       *self,
                             CordLink         *link,
                             guint             end,
                             graphene_point_t *point)
{
  graphene_point_t a, b;
  graphene_rect_t block;
  double len, start_a, start_b, visible, d;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (end < 2, FALSE);

  if (!cord_render_link_ends (self, link, &a, &b))
    return FALSE;
  /* A light sits on the visible cable: past the label a cable may run
   * under, about a quarter of the way along, never far from its device. */
  len = graphene_point_distance (&a, &b, NULL, NULL);
  label_block (self, link->ends[0]->device, &block);
  start_a = leave_fraction (&a, &b, &block) * len;
  label_block (self, link->ends[1]->device, &block);
  start_b = leave_fraction (&b, &a, &block) * len;
  visible = len - start_a - start_b;
  if (visible < 4 * LIGHT_RADIUS)
    return FALSE;
  d = MIN (visible * 0.25, LIGHT_MAX_OFFSET);
  if (end == 0)
    graphene_point_interpolate (&a, &b, (start_a + d) / len, point);
  else
    graphene_point_interpolate (&b, &a, (start_b + d) / len, point);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Link lights                                                             */
/* ---------------------------------------------------------------------- */

CordRenderLight
cord_render_port_light (CordRender *self,
                        CordPort   *port)
{
  CordLink *link;

  g_return_val_if_fail (self != NULL, CORD_RENDER_LIGHT_NONE);
  g_return_val_if_fail (port != NULL, CORD_RENDER_LIGHT_NONE);

  link = port->link;
  /* A console cable carries no line protocol, so it has no lights. */
  if (link == NULL || link->cable == CORD_CABLE_CONSOLE)
    return CORD_RENDER_LIGHT_NONE;
  if (link->state != CORD_LINK_UP || !port->device->powered)
    return CORD_RENDER_LIGHT_DOWN;
  if (self->sim != NULL && !cord_sim_port_is_up (self->sim, port))
    return CORD_RENDER_LIGHT_DOWN;
  if (self->forwarding_func != NULL && !self->forwarding_func (port, self->forwarding_data))
    return CORD_RENDER_LIGHT_WAITING;
  return CORD_RENDER_LIGHT_UP;
}

static const RenderRgb *
light_colour (CordRenderLight light)
{
  return light == CORD_RENDER_LIGHT_UP ? &RENDER_LIGHT_UP :
         light == CORD_RENDER_LIGHT_WAITING ? &RENDER_LIGHT_WAIT : &RENDER_LIGHT_DOWN;
}

/* Lights are drawn together, a few paths for all of them: white rims,
 * their outlines, then the dots of each colour. */
static void
draw_lights (cairo_t *cr,
             GArray  *lights)
{
  static const CordRenderLight colours[] = {
    CORD_RENDER_LIGHT_UP, CORD_RENDER_LIGHT_WAITING, CORD_RENDER_LIGHT_DOWN,
  };

  g_assert (lights != NULL);

  if (lights->len == 0)
    return;
  cairo_new_path (cr);
  for (guint i = 0; i < lights->len; i++)
    {
      const RenderLightAt *l = &g_array_index (lights, RenderLightAt, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, l->at.x, l->at.y, LIGHT_RADIUS + 1.5, 0, 2 * G_PI);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  for (guint c = 0; c < G_N_ELEMENTS (colours); c++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < lights->len; i++)
        {
          const RenderLightAt *l = &g_array_index (lights, RenderLightAt, i);

          if (l->light != colours[c])
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, l->at.x, l->at.y, LIGHT_RADIUS, 0, 2 * G_PI);
          any = TRUE;
        }
      if (!any)
        continue;
      _cord_render_set_rgb (cr, light_colour (colours[c]), 1);
      cairo_fill (cr);
    }
}

/* ---------------------------------------------------------------------- */
/* Cables                                                                  */
/* ---------------------------------------------------------------------- */

static const RenderRgb *
cable_colour (CordCable cable)
{
  switch (cable)
    {
    case CORD_CABLE_FIBER:      return &RENDER_CABLE_FIBER;
    case CORD_CABLE_SERIAL_DCE:
    case CORD_CABLE_SERIAL_DTE: return &RENDER_CABLE_SERIAL;
    case CORD_CABLE_CONSOLE:    return &RENDER_CABLE_CONSOLE;
    case CORD_CABLE_STRAIGHT:
    case CORD_CABLE_CROSS:
    case CORD_CABLE_AUTO:
    default:                    return &RENDER_CABLE_COPPER;
    }
}

/* A serial cable has Packet Tracer's lightning bolt in its middle. */
static void
cable_path (cairo_t                *cr,
            CordCable               cable,
            const graphene_point_t *a,
            const graphene_point_t *b)
{
  cairo_move_to (cr, a->x, a->y);
  if (cable == CORD_CABLE_SERIAL_DCE || cable == CORD_CABLE_SERIAL_DTE)
    {
      double dx = b->x - a->x, dy = b->y - a->y, len = hypot (dx, dy);
      double ux = dx / len, uy = dy / len, nx = -uy, ny = ux;
      double mx = (a->x + b->x) / 2, my = (a->y + b->y) / 2;
      double s = MIN (10.0, len / 6);

      cairo_line_to (cr, mx - ux * s, my - uy * s);
      cairo_line_to (cr, mx + ux * s * 0.3 + nx * s * 0.8, my + uy * s * 0.3 + ny * s * 0.8);
      cairo_line_to (cr, mx - ux * s * 0.3 - nx * s * 0.8, my - uy * s * 0.3 - ny * s * 0.8);
      cairo_line_to (cr, mx + ux * s, my + uy * s);
    }
  cairo_line_to (cr, b->x, b->y);
}

/* The cable styles, in the order they are stroked. */
static const CordCable cable_styles[] = {
  CORD_CABLE_STRAIGHT, CORD_CABLE_CROSS, CORD_CABLE_FIBER,
  CORD_CABLE_SERIAL_DCE, CORD_CABLE_CONSOLE,
};

static guint
cable_style (CordCable cable)
{
  switch (cable)
    {
    case CORD_CABLE_CROSS:      return 1;
    case CORD_CABLE_FIBER:      return 2;
    case CORD_CABLE_SERIAL_DCE:
    case CORD_CABLE_SERIAL_DTE: return 3;
    case CORD_CABLE_CONSOLE:    return 4;
    case CORD_CABLE_STRAIGHT:
    case CORD_CABLE_AUTO:
    default:                    return 0;
    }
}

/* All cables of one style are stroked as one path: each sub-path starts
 * its own dash, so a cable looks as it would alone, and a big lab costs
 * five strokes instead of one per cable. */
static void
stroke_cables (RenderPaint *p,
               GArray      *cables)
{
  static const double dash[] = { 6.0, 4.0 };
  cairo_t *cr = p->cr;

  g_assert (cables != NULL);

  cairo_set_line_width (cr, MAX (2.0, 1.0 / p->zoom));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint style = 0; style < G_N_ELEMENTS (cable_styles); style++)
    {
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint i = 0; i < cables->len; i++)
        {
          const RenderCable *c = &g_array_index (cables, RenderCable, i);

          if (cable_style (c->link->cable) != style)
            continue;
          cable_path (cr, c->link->cable, &c->a, &c->b);
          any = TRUE;
        }
      if (!any)
        continue;
      _cord_render_set_rgb (cr, cable_colour (cable_styles[style]), 1);
      /* A dash shorter than a few pixels reads as a solid line anyway,
       * and costs many times as much to draw. */
      cairo_set_dash (cr, dash, cable_styles[style] == CORD_CABLE_CROSS &&
                                (p->flags & CORD_RENDER_EXPORT || dash[0] * p->zoom >= 3) ? 2 : 0, 0);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
_cord_render_draw_links (RenderPaint *p)
{
  CordRender *self = p->self;
  cairo_t *cr = p->cr;
  double width = MAX (2.0, 1.0 / p->zoom);
  gboolean decorate = p->decorate;
  guint n = cord_topology_get_n_links (self->topology);
  GArray *cables = self->visible_links;

  g_array_set_size (cables, 0);
  for (guint i = 0; i < n; i++)
    {
      RenderCable c = { cord_topology_get_link (self->topology, i) };

      if (p->layer != RENDER_LAYER_ALL &&
          !_cord_render_paints (p, _cord_render_link_moving (self, c.link)))
        continue;
      if (!cord_render_link_ends (self, c.link, &c.a, &c.b))
        continue;
      /* Culled by the cable's box: cheaper than drawing it clipped. */
      if (MAX (c.a.x, c.b.x) + 12 < p->area.origin.x ||
          MIN (c.a.x, c.b.x) - 12 > p->area.origin.x + p->area.size.width ||
          MAX (c.a.y, c.b.y) + 12 < p->area.origin.y ||
          MIN (c.a.y, c.b.y) - 12 > p->area.origin.y + p->area.size.height)
        continue;
      g_array_append_val (cables, c);
    }

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Halos under the cables: selection, then hover. */
  for (guint i = 0; decorate && i < cables->len; i++)
    {
      const RenderCable *c = &g_array_index (cables, RenderCable, i);
      gboolean selected = _cord_render_selected (self, self->state.sel_links, c->link);
      gboolean hovered = self->state.hover.kind == CORD_RENDER_HIT_LINK && self->state.hover.item == c->link;

      if (!selected && !hovered)
        continue;
      cairo_new_path (cr);
      cable_path (cr, c->link->cable, &c->a, &c->b);
      if (selected)
        _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.4);
      else
        cairo_set_source_rgba (cr, 0, 0, 0, 0.1);
      cairo_set_line_width (cr, width + 6);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
    }
  stroke_cables (p, cables);
  /* Lights too small to tell apart are left out. */
  g_array_set_size (self->visible_lights, 0);
  if (p->zoom * LIGHT_RADIUS >= 1.2)
    for (guint i = 0; i < cables->len; i++)
      for (guint end = 0; end < 2; end++)
        {
          CordLink *link = g_array_index (cables, RenderCable, i).link;
          RenderLightAt l = { cord_render_port_light (self, link->ends[end]), { 0, 0 }, link->ends[end] };

          if (l.light != CORD_RENDER_LIGHT_NONE &&
              cord_render_light_position (self, link, end, &l.at))
            g_array_append_val (self->visible_lights, l);
        }
  draw_lights (cr, self->visible_lights);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* Decorations over a static layer                                         */
/* ---------------------------------------------------------------------- */

CordRenderLight
_cord_render_drawn_light (RenderPaint *p,
                          CordPort    *port)
{
  if (p->zoom * LIGHT_RADIUS < 1.2)
    return CORD_RENDER_LIGHT_NONE;
  return cord_render_port_light (p->self, port);
}

void
_cord_render_link_halo_over (RenderPaint *p,
                             CordLink    *link,
                             gboolean     selected)
{
  static const double dash[] = { 6.0, 4.0 };
  CordRender *self = p->self;
  cairo_t *cr = p->cr;
  double width = MAX (2.0, 1.0 / p->zoom);
  graphene_point_t a, b;

  if (!cord_render_link_ends (self, link, &a, &b))
    return;
  if (MAX (a.x, b.x) + 12 < p->area.origin.x ||
      MIN (a.x, b.x) - 12 > p->area.origin.x + p->area.size.width ||
      MAX (a.y, b.y) + 12 < p->area.origin.y ||
      MIN (a.y, b.y) - 12 > p->area.origin.y + p->area.size.height)
    return;
  cairo_save (cr);
  cairo_push_group (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  cable_path (cr, link->cable, &a, &b);
  if (selected)
    _cord_render_set_rgb (cr, &RENDER_ACCENT, 0.4);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, 0.1);
  cairo_set_line_width (cr, width + 6);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  /* Cut out what the static layer draws over the halo: the cable and its
   * lights. */
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OUT);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cable_path (cr, link->cable, &a, &b);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dash, link->cable == CORD_CABLE_CROSS &&
                            (p->flags & CORD_RENDER_EXPORT || dash[0] * p->zoom >= 3) ? 2 : 0, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint end = 0; end < 2; end++)
    {
      graphene_point_t at;

      if (_cord_render_drawn_light (p, link->ends[end]) == CORD_RENDER_LIGHT_NONE ||
          !cord_render_light_position (self, link, end, &at))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, at.x, at.y, LIGHT_RADIUS + 1.5 + 0.375, 0, 2 * G_PI);
    }
  cairo_fill (cr);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
  cairo_restore (cr);
}

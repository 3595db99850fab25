/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordCanvas cables: where they run, how parallel ones fan out, where their link lights sit, and drawing both. */
#include <math.h>

#include "cord-canvas-private.h"

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
_cord_canvas_update_link_offsets (CordCanvas *self)
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
_cord_canvas_exit_distance (const graphene_rect_t *art,
                            double                 ux,
                            double                 uy)
{
  double tx = G_MAXDOUBLE, ty = G_MAXDOUBLE;

  if (ux > 1e-9)
    tx = ((art->origin.x + art->size.width) + CABLE_GAP) / ux;
  else if (ux < -1e-9)
    tx = (art->origin.x - CABLE_GAP) / ux;
  if (uy > 1e-9)
    ty = (_cord_canvas_rect_bottom (art) + CABLE_GAP) / uy;
  else if (uy < -1e-9)
    ty = (art->origin.y - CABLE_GAP) / uy;
  return MAX (0, MIN (tx, ty));
}

gboolean
_cord_canvas_link_ends (CordCanvas       *self,
                        CordLink         *link,
                        graphene_point_t *a,
                        graphene_point_t *b)
{
  CordDevice *da = link->ends[0]->device, *db = link->ends[1]->device;
  double ax, ay, bx, by, dx, dy, len, ux, uy, nx, ny, off, ta, tb;

  g_assert (CORD_IS_CANVAS (self));

  _cord_canvas_update_link_offsets (self);
  _cord_canvas_device_position (self, da, &ax, &ay);
  _cord_canvas_device_position (self, db, &bx, &by);
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
  ta = _cord_canvas_exit_distance (_cord_canvas_art_box (self, da->model->kind), ux, uy);
  tb = _cord_canvas_exit_distance (_cord_canvas_art_box (self, db->model->kind), -ux, -uy);
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
                  a->y - r->origin.y, _cord_canvas_rect_bottom (r) - a->y };
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
label_block (CordCanvas      *self,
             CordDevice      *device,
             graphene_rect_t *block)
{
  graphene_rect_t model_rect;

  _cord_canvas_label_rects (self, device, &model_rect, block);
  graphene_rect_union (block, &model_rect, block);
  graphene_rect_inset (block, -4, -1);
}

gboolean
_cord_canvas_light_position (CordCanvas       *self,
                             CordLink         *link,
                             guint             end,
                             graphene_point_t *point)
{
  graphene_point_t a, b;
  graphene_rect_t block;
  double len, start_a, start_b, visible, d;

  g_assert (CORD_IS_CANVAS (self));
  g_assert (end < 2);

  if (!_cord_canvas_link_ends (self, link, &a, &b))
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

void
cord_canvas_port_changed (CordCanvas *self,
                          CordPort   *port)
{
  g_return_if_fail (CORD_IS_CANVAS (self));
  g_return_if_fail (port != NULL);

  /* Lights are read from the sim as they are drawn; a change needs only
   * a frame, and the frame clock folds a burst of changes into one. */
  if (port->link != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cord_canvas_set_forwarding_func (CordCanvas               *self,
                                 CordCanvasForwardingFunc  func,
                                 gpointer                  user_data,
                                 GDestroyNotify            destroy)
{
  g_return_if_fail (CORD_IS_CANVAS (self));

  if (self->forwarding_destroy != NULL)
    self->forwarding_destroy (self->forwarding_data);
  self->forwarding_func = func;
  self->forwarding_data = user_data;
  self->forwarding_destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CordCanvasLight
cord_canvas_get_port_light (CordCanvas *self,
                            CordPort   *port)
{
  CordLink *link;

  g_return_val_if_fail (CORD_IS_CANVAS (self), CORD_CANVAS_LIGHT_NONE);
  g_return_val_if_fail (port != NULL, CORD_CANVAS_LIGHT_NONE);

  link = port->link;
  /* A console cable carries no line protocol, so it has no lights. */
  if (link == NULL || link->cable == CORD_CABLE_CONSOLE)
    return CORD_CANVAS_LIGHT_NONE;
  if (link->state != CORD_LINK_UP || !port->device->powered)
    return CORD_CANVAS_LIGHT_DOWN;
  if (self->sim != NULL && !cord_sim_port_is_up (self->sim, port))
    return CORD_CANVAS_LIGHT_DOWN;
  if (self->forwarding_func != NULL && !self->forwarding_func (port, self->forwarding_data))
    return CORD_CANVAS_LIGHT_WAITING;
  return CORD_CANVAS_LIGHT_UP;
}

static void
draw_light (cairo_t                *cr,
            const graphene_point_t *at,
            CordCanvasLight         light)
{
  const CanvasRgb *colour = light == CORD_CANVAS_LIGHT_UP ? &CANVAS_LIGHT_UP :
                      light == CORD_CANVAS_LIGHT_WAITING ? &CANVAS_LIGHT_WAIT : &CANVAS_LIGHT_DOWN;

  cairo_new_path (cr);
  cairo_arc (cr, at->x, at->y, LIGHT_RADIUS + 1.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  cairo_arc (cr, at->x, at->y, LIGHT_RADIUS, 0, 2 * G_PI);
  _cord_canvas_set_rgb (cr, colour, 1);
  cairo_fill (cr);
}

/* ---------------------------------------------------------------------- */
/* Cables                                                                  */
/* ---------------------------------------------------------------------- */

static const CanvasRgb *
cable_colour (CordCable cable)
{
  switch (cable)
    {
    case CORD_CABLE_FIBER:      return &CANVAS_CABLE_FIBER;
    case CORD_CABLE_SERIAL_DCE:
    case CORD_CABLE_SERIAL_DTE: return &CANVAS_CABLE_SERIAL;
    case CORD_CABLE_CONSOLE:    return &CANVAS_CABLE_CONSOLE;
    case CORD_CABLE_STRAIGHT:
    case CORD_CABLE_CROSS:
    case CORD_CABLE_AUTO:
    default:                    return &CANVAS_CABLE_COPPER;
    }
}

/* A serial cable has Packet Tracer's lightning bolt in its middle. */
static void
cable_path (cairo_t                *cr,
            CordCable               cable,
            const graphene_point_t *a,
            const graphene_point_t *b)
{
  cairo_new_path (cr);
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

void
_cord_canvas_draw_links (CanvasPaint *p)
{
  CordCanvas *self = p->self;
  cairo_t *cr = p->cr;
  double width = MAX (2.0, 1.0 / p->zoom);
  gboolean decorate = !(p->flags & CANVAS_PAINT_EXPORT);
  guint n = cord_topology_get_n_links (self->topology);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < n; i++)
      {
        CordLink *link = cord_topology_get_link (self->topology, i);
        graphene_point_t a, b;
        graphene_rect_t box;

        if (!_cord_canvas_link_ends (self, link, &a, &b))
          continue;
        graphene_rect_init (&box, MIN (a.x, b.x), MIN (a.y, b.y),
                            fabs (b.x - a.x), fabs (b.y - a.y));
        graphene_rect_inset (&box, -12, -12);
        if (!graphene_rect_intersection (&box, &p->area, NULL))
          continue;

        if (pass == 0 && decorate)
          {
            /* Halos under the cables: selection, then hover. */
            gboolean selected = g_hash_table_contains (self->sel_links, link);
            gboolean hovered = self->hover.kind == CANVAS_HIT_LINK && self->hover.item == link;

            if (!selected && !hovered)
              continue;
            cable_path (cr, link->cable, &a, &b);
            if (selected)
              _cord_canvas_set_rgb (cr, &CANVAS_ACCENT, 0.4);
            else
              cairo_set_source_rgba (cr, 0, 0, 0, 0.1);
            cairo_set_line_width (cr, width + 6);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_stroke (cr);
          }
        else if (pass == 1)
          {
            static const double dash[] = { 6.0, 4.0 };

            cable_path (cr, link->cable, &a, &b);
            _cord_canvas_set_rgb (cr, cable_colour (link->cable), 1);
            cairo_set_line_width (cr, width);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
            cairo_set_dash (cr, dash, link->cable == CORD_CABLE_CROSS ? 2 : 0, 0);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
        else if (pass == 2 && p->zoom * LIGHT_RADIUS >= 1.2)
          for (guint end = 0; end < 2; end++)
            {
              CordCanvasLight light = cord_canvas_get_port_light (self, link->ends[end]);
              graphene_point_t at;

              if (light != CORD_CANVAS_LIGHT_NONE &&
                  _cord_canvas_light_position (self, link, end, &at))
                draw_light (cr, &at, light);
            }
      }
  cairo_restore (cr);
}

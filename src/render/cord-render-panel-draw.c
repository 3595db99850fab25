/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordRenderPanel painting: the chassis, sockets by medium, plugged cables, slot covers and module plates, the power switch and the marks. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cord-render-panel-private.h"

/* ---------------------------------------------------------------------- */
/* Painting                                                                */
/* ---------------------------------------------------------------------- */

static void
set_shade (cairo_t         *cr,
           const RenderRgb *c,
           double           k)
{
  cairo_set_source_rgb (cr, CLAMP (c->r * k, 0, 1), CLAMP (c->g * k, 0, 1), CLAMP (c->b * k, 0, 1));
}

/* A vertical gradient from @k_top to @k_bottom times @c over @y..@y+@h. */
static void
set_gradient (cairo_t         *cr,
              const RenderRgb *c,
              double           y,
              double           h,
              double           k_top,
              double           k_bottom)
{
  cairo_pattern_t *pattern = cairo_pattern_create_linear (0, y, 0, y + h);

  cairo_pattern_add_color_stop_rgb (pattern, 0, CLAMP (c->r * k_top, 0, 1),
                                    CLAMP (c->g * k_top, 0, 1), CLAMP (c->b * k_top, 0, 1));
  cairo_pattern_add_color_stop_rgb (pattern, 1, CLAMP (c->r * k_bottom, 0, 1),
                                    CLAMP (c->g * k_bottom, 0, 1), CLAMP (c->b * k_bottom, 0, 1));
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
}

/* A circle as a path of its own, never joined to what came before. */
static void
circle (cairo_t *cr,
        double   x,
        double   y,
        double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_close_path (cr);
}

static void
draw_screw (cairo_t *cr,
            double   x,
            double   y,
            double   r)
{
  circle (cr, x, y, r);
  _cord_render_set_rgb (cr, &PANEL_METAL, 1);
  cairo_fill_preserve (cr);
  _cord_render_set_rgb (cr, &PANEL_METAL_DARK, 1);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  cairo_move_to (cr, x - r * 0.6, y + r * 0.6);
  cairo_line_to (cr, x + r * 0.6, y - r * 0.6);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
}

static void
draw_chassis (CordRenderPanel       *self,
              cairo_t               *cr,
              const graphene_rect_t *r)
{
  double w = r->size.width, h = r->size.height;
  double side = self->body == BODY_RACK ? EAR : 0;
  double radius = self->body == BODY_RACK ? 3 : self->body == BODY_TOWER ? 8 : 12;

  if (self->body == BODY_RACK)
    {
      /* The rack-mount flanges, with their screw slots. */
      for (int s = 0; s < 2; s++)
        {
          double ex = s == 0 ? 0 : w - side - 4;

          _cord_render_rounded_rect (cr, ex, 2, side + 4, h - 4, 2);
          set_gradient (cr, &PANEL_METAL, 2, h - 4, 1.0, 0.82);
          cairo_fill_preserve (cr);
          _cord_render_set_rgb (cr, &PANEL_METAL_DARK, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          for (int k = 0; k < 2; k++)
            {
              double hx = s == 0 ? side / 2 : w - side / 2;
              double hy = k == 0 ? 14 : h - 14;

              _cord_render_rounded_rect (cr, hx - 4, hy - 2.5, 8, 5, 2.5);
              _cord_render_set_rgb (cr, &PANEL_HOLE, 0.85);
              cairo_fill (cr);
            }
        }
    }
  _cord_render_rounded_rect (cr, side, 0, w - 2 * side, h, radius);
  set_gradient (cr, &self->body_rgb, 0, h, 1.12, 0.88);
  cairo_fill_preserve (cr);
  set_shade (cr, &self->body_rgb, 0.55);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  /* A highlight along the top edge. */
  cairo_move_to (cr, side + radius, 1.2);
  cairo_line_to (cr, w - side - radius, 1.2);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_grille (cairo_t               *cr,
             const graphene_rect_t *r,
             const RenderRgb       *body)
{
  double slot_w = 26, pitch_x = 32, pitch_y = 7;
  guint cols = (guint) (r->size.width / pitch_x);
  double x0 = r->origin.x + (r->size.width - (cols * pitch_x - (pitch_x - slot_w))) / 2;

  for (double y = r->origin.y + 4; y + 3 <= r->origin.y + r->size.height; y += pitch_y)
    for (guint c = 0; c < cols; c++)
      _cord_render_rounded_rect (cr, x0 + c * pitch_x, y, slot_w, 3, 1.5);
  set_shade (cr, body, 0.35);
  cairo_fill (cr);
}

static void
draw_text (cairo_t         *cr,
           CordRenderPanel *self,
           const Item      *item)
{
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double x = item->r.origin.x;

  _cord_render_panel_set_unhinted (context);
  layout = _cord_render_panel_text_layout (context, item->text, item->size, item->bold);
  pango_layout_get_extents (layout, NULL, &logical);
  if (item->align == 0)
    x += (item->r.size.width - (double) logical.width / PANGO_SCALE) / 2;
  else if (item->align > 0)
    x += item->r.size.width - (double) logical.width / PANGO_SCALE;
  switch (item->ink)
    {
    case INK_BODY:
      if (self->body_light)
        _cord_render_set_rgb (cr, &RENDER_INK, 0.85);
      else
        _cord_render_set_rgb (cr, &PANEL_LIGHT_INK, 0.95);
      break;
    case INK_PLATE:
      _cord_render_set_rgb (cr, &RENDER_INK, 0.9);
      break;
    case INK_BLANK:
      _cord_render_set_rgb (cr, &PANEL_BLANK_INK, 1);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_move_to (cr, x, item->r.origin.y + (item->r.size.height - (double) logical.height / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  g_object_unref (context);
}

/* An RJ-45 socket: a metal bezel round a dark opening with its latch notch. */
static void
draw_rj45 (cairo_t         *cr,
           double           x,
           double           y,
           double           w,
           double           h,
           const RenderRgb *bezel)
{
  double ix = x + 1.5, iy = y + 1.5, iw = w - 3, ih = h - 3;
  double tab = iw * 0.4;

  _cord_render_rounded_rect (cr, x, y, w, h, 1.2);
  _cord_render_set_rgb (cr, bezel, 1);
  cairo_fill (cr);
  cairo_move_to (cr, ix, iy);
  cairo_line_to (cr, ix + iw, iy);
  cairo_line_to (cr, ix + iw, iy + ih - 3);
  cairo_line_to (cr, ix + (iw + tab) / 2, iy + ih - 3);
  cairo_line_to (cr, ix + (iw + tab) / 2, iy + ih);
  cairo_line_to (cr, ix + (iw - tab) / 2, iy + ih);
  cairo_line_to (cr, ix + (iw - tab) / 2, iy + ih - 3);
  cairo_line_to (cr, ix, iy + ih - 3);
  cairo_close_path (cr);
  _cord_render_set_rgb (cr, &PANEL_HOLE, 1);
  cairo_fill (cr);
  /* The contacts. */
  cairo_rectangle (cr, ix + 1.5, iy + 0.8, iw - 3, 1.4);
  _cord_render_set_rgb (cr, &PANEL_GOLD, 1);
  cairo_fill (cr);
}

static void
draw_port_shape (cairo_t   *cr,
                 PortShape  shape,
                 double     x,
                 double     y,
                 double     w,
                 double     h)
{
  switch (shape)
    {
    case SHAPE_RJ45:
      draw_rj45 (cr, x, y, w, h, &PANEL_METAL);
      break;
    case SHAPE_CONSOLE:
      draw_rj45 (cr, x, y, w, h, &RENDER_CABLE_CONSOLE);
      break;
    case SHAPE_AUX:
      draw_rj45 (cr, x, y, w, h, &RENDER_INK_DIM);
      break;
    case SHAPE_SFP:
      /* A metal cage with the two holes of a duplex LC connector. */
      _cord_render_rounded_rect (cr, x, y, w, h, 1);
      set_gradient (cr, &PANEL_METAL, y, h, 1.1, 0.85);
      cairo_fill_preserve (cr);
      _cord_render_set_rgb (cr, &PANEL_METAL_DARK, 1);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
      cairo_rectangle (cr, x + 2, y + 2.5, w - 4, h - 6);
      _cord_render_set_rgb (cr, &PANEL_HOLE, 1);
      cairo_fill (cr);
      for (int k = 0; k < 2; k++)
        circle (cr, x + w * (k == 0 ? 0.32 : 0.68), y + 2.5 + (h - 6) / 2, 1.6);
      _cord_render_set_rgb (cr, &PANEL_METAL_DARK, 1);
      cairo_fill (cr);
      cairo_rectangle (cr, x + 3, y + h - 2.6, w - 6, 1.4);
      _cord_render_set_rgb (cr, &RENDER_CABLE_FIBER, 1);
      cairo_fill (cr);
      break;
    case SHAPE_SERIAL:
      /* A smart-serial socket: a keyed shell round a row of pins. */
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x + w, y + h - 2.5);
      cairo_line_to (cr, x + w - 2.5, y + h);
      cairo_line_to (cr, x + 2.5, y + h);
      cairo_line_to (cr, x, y + h - 2.5);
      cairo_close_path (cr);
      set_gradient (cr, &PANEL_METAL, y, h, 1.1, 0.85);
      cairo_fill (cr);
      cairo_rectangle (cr, x + 2, y + 2, w - 4, h - 5);
      _cord_render_set_rgb (cr, &PANEL_HOLE, 1);
      cairo_fill (cr);
      for (double px = x + 3.5; px < x + w - 3; px += 2.2)
        cairo_rectangle (cr, px, y + 4, 1, h - 9);
      _cord_render_set_rgb (cr, &PANEL_GOLD, 1);
      cairo_fill (cr);
      break;
    case SHAPE_DSUB:
    case SHAPE_OCTAL:
      {
        /* A D-shaped shell with its pins, between two screws. */
        double sx = x + 5, sw = w - 10, inset = 2.5;
        guint top = shape == SHAPE_DSUB ? 5 : 12;

        draw_screw (cr, x + 2.5, y + h / 2, 2.2);
        draw_screw (cr, x + w - 2.5, y + h / 2, 2.2);
        cairo_move_to (cr, sx, y);
        cairo_line_to (cr, sx + sw, y);
        cairo_line_to (cr, sx + sw - inset, y + h);
        cairo_line_to (cr, sx + inset, y + h);
        cairo_close_path (cr);
        set_gradient (cr, &PANEL_METAL, y, h, 1.1, 0.85);
        cairo_fill (cr);
        cairo_move_to (cr, sx + 1.5, y + 1.5);
        cairo_line_to (cr, sx + sw - 1.5, y + 1.5);
        cairo_line_to (cr, sx + sw - inset - 0.5, y + h - 1.5);
        cairo_line_to (cr, sx + inset + 0.5, y + h - 1.5);
        cairo_close_path (cr);
        _cord_render_set_rgb (cr, &PANEL_HOLE, 1);
        cairo_fill (cr);
        for (guint k = 0; k < top; k++)
          circle (cr, sx + 3.5 + k * (sw - 7) / (top - 1), y + h * 0.36, 0.8);
        for (guint k = 0; k + 1 < top; k++)
          circle (cr, sx + 3.5 + (k + 0.5) * (sw - 7) / (top - 1), y + h * 0.66, 0.8);
        _cord_render_set_rgb (cr, &PANEL_GOLD, 1);
        cairo_fill (cr);
      }
      break;
    case SHAPE_ANTENNA:
      /* A threaded antenna jack. */
      circle (cr, x + w / 2, y + h / 2, w / 2);
      _cord_render_set_rgb (cr, &PANEL_METAL_DARK, 1);
      cairo_fill (cr);
      circle (cr, x + w / 2, y + h / 2, w / 2 - 2);
      _cord_render_set_rgb (cr, &PANEL_GOLD, 1);
      cairo_fill (cr);
      circle (cr, x + w / 2, y + h / 2, 1.5);
      _cord_render_set_rgb (cr, &PANEL_HOLE, 1);
      cairo_fill (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const RenderRgb *
cable_rgb (CordCable cable)
{
  switch (cable)
    {
    case CORD_CABLE_FIBER:
      return &RENDER_CABLE_FIBER;
    case CORD_CABLE_SERIAL_DCE:
    case CORD_CABLE_SERIAL_DTE:
      return &RENDER_CABLE_SERIAL;
    case CORD_CABLE_CONSOLE:
      return &RENDER_CABLE_CONSOLE;
    case CORD_CABLE_STRAIGHT:
    case CORD_CABLE_CROSS:
    case CORD_CABLE_AUTO:
    default:
      return &RENDER_CABLE_COPPER;
    }
}

static void
draw_port (CordRenderPanel *self,
           cairo_t         *cr,
           const Item      *item)
{
  double x = item->r.origin.x, y = item->r.origin.y;
  double w = item->r.size.width, h = item->r.size.height;
  CordPort *port = self->device != NULL && item->text != NULL
                     ? cord_device_find_port (self->device, item->text) : NULL;
  const RenderRgb *c;

  draw_port_shape (cr, item->shape, x, y, w, h);
  if (port == NULL || port->link == NULL)
    return;
  /* A plugged cable: its plug, in the cable's colour, fills the socket and
   * its boot leads the cable away; the port's light shows beside it. */
  c = cable_rgb (port->link->cable);
  _cord_render_rounded_rect (cr, x + 1, y + 1, w - 2, h - 2, 1.5);
  cairo_set_source_rgb (cr, c->r + (1 - c->r) * 0.35, c->g + (1 - c->g) * 0.35, c->b + (1 - c->b) * 0.35);
  cairo_fill_preserve (cr);
  _cord_render_set_rgb (cr, c, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  _cord_render_rounded_rect (cr, x + w * 0.3, y + h * 0.35, w * 0.4, h * 0.65 - 1, 1);
  _cord_render_set_rgb (cr, c, 1);
  cairo_fill (cr);
  cairo_rectangle (cr, x + 2.5, y + 2.5, w - 5, 1.2);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.45);
  cairo_fill (cr);
  if (port->link->cable != CORD_CABLE_CONSOLE)
    {
      circle (cr, x + w + PORT_GAP / 2, y + 1.8, 1.6);
      _cord_render_set_rgb (cr, port->link->state == CORD_LINK_UP ? &RENDER_LIGHT_UP
                                                                  : &RENDER_LIGHT_DOWN, 1);
      cairo_fill (cr);
    }
}

static void
draw_plate_back (cairo_t               *cr,
                 const graphene_rect_t *r,
                 gboolean               blank)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  /* The opening in the chassis shows round the plate. */
  cairo_rectangle (cr, x - 1, y - 1, w + 2, h + 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_fill (cr);
  _cord_render_rounded_rect (cr, x, y, w, h, 1.5);
  if (blank)
    set_gradient (cr, &PANEL_BLANK, y, h, 1.08, 0.92);
  else
    set_gradient (cr, &PANEL_METAL, y, h, 1.14, 0.96);
  cairo_fill_preserve (cr);
  _cord_render_set_rgb (cr, blank ? &PANEL_HOLE : &PANEL_METAL_DARK, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  draw_screw (cr, x + SCREW_W / 2, y + h / 2, 3);
  draw_screw (cr, x + w - SCREW_W / 2, y + h / 2, 3);
}

/* The rocker switch with I and O, and the LED beside it. */
static void
draw_power (CordRenderPanel       *self,
            cairo_t               *cr,
            const graphene_rect_t *r)
{
  gboolean on = self->device != NULL && self->device->powered;
  double x = r->origin.x, y = r->origin.y;
  double rx = x + 6, ry = y + 4, rw = 20, rh = 32;
  Item label = { 0 };

  /* The bezel, then the rocker, pressed in at I when on and at O when off:
   * the raised half catches the light. */
  _cord_render_rounded_rect (cr, rx - 2, ry - 2, rw + 4, rh + 4, 3);
  _cord_render_set_rgb (cr, &PANEL_HOLE, 1);
  cairo_fill (cr);
  _cord_render_rounded_rect (cr, rx, ry, rw, rh, 2);
  cairo_set_source_rgb (cr, 0.16, 0.16, 0.18);
  cairo_fill (cr);
  cairo_rectangle (cr, rx + 1, on ? ry + rh / 2 : ry + 1, rw - 2, rh / 2 - 1);
  cairo_set_source_rgb (cr, 0.30, 0.30, 0.33);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
  cairo_set_line_width (cr, 1.6);
  cairo_move_to (cr, rx + rw / 2, ry + 4);
  cairo_line_to (cr, rx + rw / 2, ry + 11);
  cairo_stroke (cr);
  circle (cr, rx + rw / 2, ry + rh - 8, 3.5);
  cairo_stroke (cr);

  /* The LED: green when the device runs, dark when off. */
  circle (cr, self->led.x, self->led.y, LED_R + 1.2);
  _cord_render_set_rgb (cr, &PANEL_HOLE, 1);
  cairo_fill (cr);
  circle (cr, self->led.x, self->led.y, LED_R);
  _cord_render_set_rgb (cr, on ? &RENDER_LIGHT_UP : &PANEL_LED_OFF, 1);
  cairo_fill (cr);
  if (on)
    {
      cairo_pattern_t *glow = cairo_pattern_create_radial (self->led.x, self->led.y, LED_R,
                                                           self->led.x, self->led.y, LED_R * 2.6);

      cairo_pattern_add_color_stop_rgba (glow, 0, RENDER_LIGHT_UP.r, RENDER_LIGHT_UP.g,
                                         RENDER_LIGHT_UP.b, 0.45);
      cairo_pattern_add_color_stop_rgba (glow, 1, RENDER_LIGHT_UP.r, RENDER_LIGHT_UP.g,
                                         RENDER_LIGHT_UP.b, 0);
      circle (cr, self->led.x, self->led.y, LED_R * 2.6);
      cairo_set_source (cr, glow);
      cairo_fill (cr);
      cairo_pattern_destroy (glow);
    }
  /* A glint off the lens, away from its centre. */
  circle (cr, self->led.x - 1.4, self->led.y - 1.4, 1.0);
  cairo_set_source_rgba (cr, 1, 1, 1, on ? 0.7 : 0.25);
  cairo_fill (cr);

  label.kind = ITEM_TEXT;
  label.text = _("POWER");
  label.size = TEXT_TITLE;
  label.bold = TRUE;
  label.ink = INK_BODY;
  label.align = 0;
  graphene_rect_init (&label.r, self->led.x - 20, self->led.y + LED_R + 3, 40, TITLE_H);
  draw_text (cr, self, &label);
}

void
_cord_render_panel_paint (CordRenderPanel *self,
                          cairo_t         *cr)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      switch (item->kind)
        {
        case ITEM_CHASSIS:
          draw_chassis (self, cr, &item->r);
          break;
        case ITEM_TEXT:
          draw_text (cr, self, item);
          break;
        case ITEM_PORT:
          draw_port (self, cr, item);
          break;
        case ITEM_BLANK:
          draw_plate_back (cr, &item->r, TRUE);
          break;
        case ITEM_PLATE:
          draw_plate_back (cr, &item->r, FALSE);
          break;
        case ITEM_POWER:
          draw_power (self, cr, &item->r);
          break;
        case ITEM_GRILLE:
          draw_grille (cr, &item->r, &self->body_rgb);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
draw_ring (cairo_t               *cr,
           const graphene_rect_t *r,
           const RenderRgb       *c,
           double                 fill)
{
  _cord_render_rounded_rect (cr, r->origin.x - 2.5, r->origin.y - 2.5, r->size.width + 5,
                             r->size.height + 5, 4);
  if (fill > 0)
    {
      _cord_render_set_rgb (cr, c, fill);
      cairo_fill_preserve (cr);
    }
  _cord_render_set_rgb (cr, c, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
}

void
cord_render_panel_draw (CordRenderPanel      *self,
                        cairo_t              *cr,
                        const CordPanelMarks *marks)
{
  const CordPanelHit *hit;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  _cord_render_panel_paint (self, cr);
  if (marks != NULL && marks->lifted != NULL &&
      (hit = cord_render_panel_find_slot (self, marks->lifted)) != NULL)
    {
      /* The module being dragged out is drawn as a hole. */
      _cord_render_rounded_rect (cr, hit->rect.origin.x, hit->rect.origin.y,
                                 hit->rect.size.width, hit->rect.size.height, 1.5);
      _cord_render_set_rgb (cr, &PANEL_HOLE, 0.6);
      cairo_fill_preserve (cr);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      _cord_render_set_rgb (cr, &PANEL_BLANK_INK, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  if (marks != NULL && marks->selected != NULL &&
      (hit = cord_render_panel_find_slot (self, marks->selected)) != NULL)
    draw_ring (cr, &hit->rect, &RENDER_ACCENT, 0);
  if (marks != NULL && marks->power_selected)
    for (guint i = 0; i < self->hits->len; i++)
      if ((hit = &g_array_index (self->hits, CordPanelHit, i))->kind == CORD_PANEL_HIT_POWER)
        draw_ring (cr, &hit->rect, &RENDER_ACCENT, 0);
  if (marks != NULL && marks->drop_slot != NULL &&
      (hit = cord_render_panel_find_slot (self, marks->drop_slot)) != NULL)
    draw_ring (cr, &hit->rect, marks->drop_ok ? &RENDER_LIGHT_UP : &RENDER_LIGHT_DOWN, 0.25);
  cairo_restore (cr);
}

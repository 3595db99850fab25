/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordCanvas's side of the renderer: what it hands over before each frame or measurement, link lights, and tooltips; the drawing itself lives in src/render/. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cord-canvas-private.h"

G_STATIC_ASSERT ((int) CORD_CANVAS_LIGHT_NONE == (int) CORD_RENDER_LIGHT_NONE);
G_STATIC_ASSERT ((int) CORD_CANVAS_LIGHT_DOWN == (int) CORD_RENDER_LIGHT_DOWN);
G_STATIC_ASSERT ((int) CORD_CANVAS_LIGHT_WAITING == (int) CORD_RENDER_LIGHT_WAITING);
G_STATIC_ASSERT ((int) CORD_CANVAS_LIGHT_UP == (int) CORD_RENDER_LIGHT_UP);

void
_cord_canvas_draw_init (CordCanvas *self)
{
  g_assert (CORD_IS_CANVAS (self));

  self->render = cord_render_new ();
}

/* Forgets everything laid out for the current lab, and shows the new one. */
void
_cord_canvas_draw_clear (CordCanvas *self)
{
  g_assert (CORD_IS_CANVAS (self));

  if (self->render == NULL)
    return;
  cord_render_set_lab (self->render, self->topology, self->sim);
  cord_render_set_font (self->render, NULL);
}

CordRender *
_cord_canvas_render (CordCanvas *self)
{
  PangoContext *context;
  CordRenderState state = {
    .sel_devices = self->sel_devices,
    .sel_links = self->sel_links,
    .sel_notes = self->sel_notes,
    .hover = self->hover,
    .moving = self->drag_mode == CANVAS_DRAG_MOVE && self->drag_started,
    .move_dx = self->drag_dx,
    .move_dy = self->drag_dy,
    .renaming = self->renaming,
    .editing_note = self->editing_note,
  };

  g_assert (CORD_IS_CANVAS (self));

  /* Labels follow the desktop's font, as the rest of the window does. */
  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  cord_render_set_font (self->render, pango_context_get_font_description (context));
  cord_render_set_state (self->render, &state);
  return self->render;
}

void
_cord_canvas_forget_device (CordCanvas *self,
                            CordDevice *device)
{
  g_assert (CORD_IS_CANVAS (self));
  cord_render_forget_device (self->render, device);
}

void
_cord_canvas_forget_note (CordCanvas *self,
                          CordNote   *note)
{
  g_assert (CORD_IS_CANVAS (self));
  cord_render_forget_note (self->render, note);
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
  cord_render_device_position (_cord_canvas_render (self), device, x, y);
}

void
_cord_canvas_device_bounds (CordCanvas      *self,
                            CordDevice      *device,
                            graphene_rect_t *bounds)
{
  g_assert (CORD_IS_CANVAS (self));
  cord_render_device_bounds (_cord_canvas_render (self), device, bounds);
}

void
_cord_canvas_icon_bounds (CordCanvas      *self,
                          CordDevice      *device,
                          graphene_rect_t *bounds)
{
  g_assert (CORD_IS_CANVAS (self));
  cord_render_icon_bounds (_cord_canvas_render (self), device, bounds);
}

void
_cord_canvas_name_bounds (CordCanvas      *self,
                          CordDevice      *device,
                          graphene_rect_t *bounds)
{
  g_assert (CORD_IS_CANVAS (self));
  cord_render_name_bounds (_cord_canvas_render (self), device, bounds);
}

void
_cord_canvas_note_bounds (CordCanvas      *self,
                          CordNote        *note,
                          graphene_rect_t *bounds)
{
  g_assert (CORD_IS_CANVAS (self));
  cord_render_note_bounds (_cord_canvas_render (self), note, bounds);
}

gboolean
_cord_canvas_link_ends (CordCanvas       *self,
                        CordLink         *link,
                        graphene_point_t *a,
                        graphene_point_t *b)
{
  g_assert (CORD_IS_CANVAS (self));
  return cord_render_link_ends (_cord_canvas_render (self), link, a, b);
}

gboolean
_cord_canvas_light_position (CordCanvas       *self,
                             CordLink         *link,
                             guint             end,
                             graphene_point_t *point)
{
  g_assert (CORD_IS_CANVAS (self));
  return cord_render_light_position (_cord_canvas_render (self), link, end, point);
}

CanvasHit
_cord_canvas_hit_test (CordCanvas *self,
                       double      mx,
                       double      my)
{
  g_assert (CORD_IS_CANVAS (self));
  return cord_render_hit_test (_cord_canvas_render (self), mx, my, self->zoom);
}

/* ---------------------------------------------------------------------- */
/* Frames                                                                  */
/* ---------------------------------------------------------------------- */

void
_cord_canvas_snapshot (CordCanvas  *self,
                       GtkSnapshot *snapshot)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, w, h);
  CordRenderView view = {
    .width = (int) w, .height = (int) h, .scale = MAX (1, scale),
    .zoom = self->zoom, .origin_x = self->origin_x, .origin_y = self->origin_y,
  };
  CordRender *render;
  cairo_t *cr;

  g_assert (CORD_IS_CANVAS (self));

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  if (self->topology == NULL || view.width <= 0 || view.height <= 0)
    {
      cord_render_draw_grid (cr, self->origin_x, self->origin_y, self->zoom, w, h);
      cairo_destroy (cr);
      return;
    }
  /* The static layer is cached; selection, hover and drags go on top. */
  render = _cord_canvas_render (self);
  cord_render_frame (render, cr, &view);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->origin_x, -self->origin_y);

  if (self->drag_mode == CANVAS_DRAG_RUBBER && self->drag_started)
    {
      double x0 = self->origin_x + self->drag_x0 / self->zoom;
      double y0 = self->origin_y + self->drag_y0 / self->zoom;

      cord_render_draw_band (cr, &GRAPHENE_RECT_INIT (MIN (x0, x0 + self->drag_dx),
                                                      MIN (y0, y0 + self->drag_dy),
                                                      fabs (self->drag_dx), fabs (self->drag_dy)),
                             self->zoom);
    }
  if (self->connect_from != NULL && self->pointer_inside)
    cord_render_draw_connect_preview (render, cr, self->connect_from->device,
                                      self->origin_x + self->pointer_x / self->zoom,
                                      self->origin_y + self->pointer_y / self->zoom, self->zoom);
  if (self->drop_model != NULL)
    {
      const CordModelSpec *model =
        cord_catalog_lookup_model (cord_topology_get_catalog (self->topology), self->drop_model);

      if (model != NULL)
        cord_render_draw_drop_marker (render, cr, model->kind, self->drop_x, self->drop_y, self->zoom);
    }
  cairo_destroy (cr);
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
    {
      cord_render_invalidate (self->render);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
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
  cord_render_set_forwarding_func (self->render, func, user_data);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CordCanvasLight
cord_canvas_get_port_light (CordCanvas *self,
                            CordPort   *port)
{
  g_return_val_if_fail (CORD_IS_CANVAS (self), CORD_CANVAS_LIGHT_NONE);
  g_return_val_if_fail (port != NULL, CORD_CANVAS_LIGHT_NONE);

  return (CordCanvasLight) cord_render_port_light (self->render, port);
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

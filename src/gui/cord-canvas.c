/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordCanvas: the logical workspace widget, its view, selection and tools; input lives in cord-canvas-input.c, the in-place editors in cord-canvas-editors.c and drawing in cord-canvas-draw*.c. */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "cord-canvas-private.h"

/* A static library drops objects nobody references, so the canvas, which
 * loads its device icons from the GUI resources, pulls them in. */
#if defined(__has_include)
# if __has_include("cord-gui-resources.h")
#  include "cord-gui-resources.h"
#  define CANVAS_HAVE_RESOURCES 1
# endif
#endif

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_TOOL,
  PROP_HAS_SELECTION,
  N_PROPS
};

enum {
  SIGNAL_DEVICE_ACTIVATED,
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_ERROR,
  SIGNAL_TOOL_CHANGED,
  N_SIGNALS
};

static GParamSpec *pspecs[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (CordCanvasTool, cord_canvas_tool,
  G_DEFINE_ENUM_VALUE (CORD_CANVAS_TOOL_SELECT, "select"),
  G_DEFINE_ENUM_VALUE (CORD_CANVAS_TOOL_PLACE, "place"),
  G_DEFINE_ENUM_VALUE (CORD_CANVAS_TOOL_CONNECT, "connect"),
  G_DEFINE_ENUM_VALUE (CORD_CANVAS_TOOL_NOTE, "note"))

G_DEFINE_FINAL_TYPE (CordCanvas, cord_canvas, GTK_TYPE_WIDGET)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */
/* ---------------------------------------------------------------------- */

void
_cord_canvas_widget_to_model (CordCanvas *self,
                              double      wx,
                              double      wy,
                              double     *mx,
                              double     *my)
{
  *mx = self->origin_x + wx / self->zoom;
  *my = self->origin_y + wy / self->zoom;
}

void
_cord_canvas_model_to_widget (CordCanvas *self,
                              double      mx,
                              double      my,
                              double     *wx,
                              double     *wy)
{
  g_assert (CORD_IS_CANVAS (self));
  *wx = (mx - self->origin_x) * self->zoom;
  *wy = (my - self->origin_y) * self->zoom;
}

void
_cord_canvas_emit_error (CordCanvas   *self,
                         const GError *error)
{
  g_assert (error != NULL);
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error->message);
}

void
_cord_canvas_emit_device_activated (CordCanvas *self,
                                    CordDevice *device)
{
  g_assert (CORD_IS_CANVAS (self) && device != NULL);
  g_signal_emit (self, signals[SIGNAL_DEVICE_ACTIVATED], 0, device);
}

void
_cord_canvas_view_changed (CordCanvas *self)
{
  /* Children sit over model points, so they move with the view. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_cord_canvas_update_cursor (CordCanvas *self)
{
  const char *name = "default";

  if (self->drag_mode == CANVAS_DRAG_PAN)
    name = "grabbing";
  else if (self->space_held)
    name = "grab";
  else if (self->tool != CORD_CANVAS_TOOL_SELECT)
    name = "crosshair";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

gboolean
_cord_canvas_popover_open (GtkWidget *popover)
{
  return popover != NULL && gtk_widget_get_visible (popover);
}

/* ---------------------------------------------------------------------- */
/* Selection                                                               */
/* ---------------------------------------------------------------------- */

guint
_cord_canvas_selection_size (CordCanvas *self)
{
  return g_hash_table_size (self->sel_devices) + g_hash_table_size (self->sel_links) +
         g_hash_table_size (self->sel_notes);
}

GHashTable *
_cord_canvas_selection_set (CordCanvas    *self,
                            CanvasHitKind  kind)
{
  switch (kind)
    {
    case CANVAS_HIT_DEVICE:
    case CANVAS_HIT_DEVICE_NAME: return self->sel_devices;
    case CANVAS_HIT_LINK:        return self->sel_links;
    case CANVAS_HIT_NOTE:        return self->sel_notes;
    case CANVAS_HIT_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Call after every change of the selection, with whether it had items
 * before; big changes (delete, select all) announce themselves once. */
void
_cord_canvas_selection_changed (CordCanvas *self,
                                gboolean    had_selection)
{
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
  if (had_selection != (_cord_canvas_selection_size (self) > 0))
    g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_HAS_SELECTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_cord_canvas_selection_clear (CordCanvas *self)
{
  if (_cord_canvas_selection_size (self) == 0)
    return FALSE;
  g_hash_table_remove_all (self->sel_devices);
  g_hash_table_remove_all (self->sel_links);
  g_hash_table_remove_all (self->sel_notes);
  return TRUE;
}

static void
selection_forget (CordCanvas *self,
                  GHashTable *set,
                  gpointer    item)
{
  if (self->hover.item == item)
    self->hover = (CanvasHit) { CANVAS_HIT_NONE, NULL };
  if (g_hash_table_remove (set, item))
    _cord_canvas_selection_changed (self, TRUE);
}

void
cord_canvas_select_all (CordCanvas *self)
{
  gboolean had;

  g_return_if_fail (CORD_IS_CANVAS (self));

  if (self->topology == NULL)
    return;
  had = _cord_canvas_selection_size (self) > 0;
  for (guint i = 0; i < cord_topology_get_n_devices (self->topology); i++)
    g_hash_table_add (self->sel_devices, cord_topology_get_device (self->topology, i));
  for (guint i = 0; i < cord_topology_get_n_links (self->topology); i++)
    g_hash_table_add (self->sel_links, cord_topology_get_link (self->topology, i));
  for (guint i = 0; i < cord_topology_get_n_notes (self->topology); i++)
    g_hash_table_add (self->sel_notes, cord_topology_get_note (self->topology, i));
  _cord_canvas_selection_changed (self, had);
}

void
cord_canvas_unselect_all (CordCanvas *self)
{
  g_return_if_fail (CORD_IS_CANVAS (self));

  if (_cord_canvas_selection_clear (self))
    _cord_canvas_selection_changed (self, TRUE);
}

gboolean
cord_canvas_has_selection (CordCanvas *self)
{
  g_return_val_if_fail (CORD_IS_CANVAS (self), FALSE);
  return _cord_canvas_selection_size (self) > 0;
}

GPtrArray *
cord_canvas_get_selected_devices (CordCanvas *self)
{
  GPtrArray *devices;

  g_return_val_if_fail (CORD_IS_CANVAS (self), g_ptr_array_new ());

  devices = g_ptr_array_new ();

  for (guint i = 0; self->topology && i < cord_topology_get_n_devices (self->topology); i++)
    {
      CordDevice *device = cord_topology_get_device (self->topology, i);

      if (g_hash_table_contains (self->sel_devices, device))
        g_ptr_array_add (devices, device);
    }
  return devices;
}

void
_cord_canvas_select_only (CordCanvas *self,
                          GHashTable *set,
                          gpointer    item)
{
  gboolean had = _cord_canvas_selection_size (self) > 0;

  _cord_canvas_selection_clear (self);
  g_hash_table_add (set, item);
  _cord_canvas_selection_changed (self, had);
}

void
cord_canvas_select_device (CordCanvas *self,
                           CordDevice *device)
{
  double wx, wy, w, h;

  g_return_if_fail (CORD_IS_CANVAS (self));
  g_return_if_fail (device != NULL && device->topology == self->topology);

  _cord_canvas_select_only (self, self->sel_devices, device);

  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  _cord_canvas_model_to_widget (self, device->x, device->y, &wx, &wy);
  if (w > 0 && (wx < CANVAS_ICON || wy < CANVAS_ICON || wx > w - CANVAS_ICON || wy > h - CANVAS_ICON))
    {
      self->origin_x = device->x - w / 2 / self->zoom;
      self->origin_y = device->y - h / 2 / self->zoom;
      _cord_canvas_view_changed (self);
    }
}

gboolean
cord_canvas_delete_selection (CordCanvas  *self,
                              GError     **error)
{
  g_autoptr(GList) links = NULL;
  g_autoptr(GList) notes = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CORD_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->topology == NULL || _cord_canvas_selection_size (self) == 0)
    return TRUE;
  links = g_hash_table_get_keys (self->sel_links);
  notes = g_hash_table_get_keys (self->sel_notes);
  devices = cord_canvas_get_selected_devices (self);
  /* Emptied first, so the removals below announce nothing one by one. */
  _cord_canvas_selection_clear (self);
  _cord_canvas_selection_changed (self, TRUE);

  /* Cables first, so none is freed under us by its device's removal. */
  cord_topology_begin_group (self->topology, _("Delete"));
  for (GList *l = links; ok && l != NULL; l = l->next)
    ok = cord_topology_disconnect (self->topology, l->data, error);
  for (GList *l = notes; ok && l != NULL; l = l->next)
    ok = cord_topology_remove_note (self->topology, l->data, error);
  for (guint i = 0; ok && i < devices->len; i++)
    ok = cord_topology_remove_device (self->topology, devices->pdata[i], error);
  cord_topology_end_group (self->topology);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* The model                                                               */
/* ---------------------------------------------------------------------- */

static void
on_device_added (CordTopology *topology,
                 CordDevice   *device,
                 CordCanvas   *self)
{
  cord_render_invalidate (self->render);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_device_removed (CordTopology *topology,
                   CordDevice   *device,
                   CordCanvas   *self)
{
  if (self->renaming == device)
    _cord_canvas_cancel_rename (self);
  if (self->picking_device == device)
    gtk_popover_popdown (GTK_POPOVER (self->port_popover));
  if (self->connect_from != NULL && self->connect_from->device == device)
    self->connect_from = NULL;
  if (self->press_name_device == device)
    self->press_name_device = NULL;
  _cord_canvas_forget_device (self, device);
  selection_forget (self, self->sel_devices, device);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_device_changed (CordTopology *topology,
                   CordDevice   *device,
                   guint         what,
                   CordCanvas   *self)
{
  if (what & CORD_DEVICE_CHANGED_NAME)
    _cord_canvas_forget_device (self, device);
  cord_render_invalidate (self->render);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_links_changed (CordTopology *topology,
                  CordLink     *link,
                  CordCanvas   *self)
{
  cord_render_links_changed (self->render);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_link_removed (CordTopology *topology,
                 CordLink     *link,
                 CordCanvas   *self)
{
  cord_render_forget_link (self->render, link);
  on_links_changed (topology, link, self);
  selection_forget (self, self->sel_links, link);
}

static void
on_note_changed (CordTopology *topology,
                 CordNote     *note,
                 CordCanvas   *self)
{
  _cord_canvas_forget_note (self, note);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_note_removed (CordTopology *topology,
                 CordNote     *note,
                 CordCanvas   *self)
{
  if (self->editing_note == note)
    {
      self->note_done = TRUE;
      self->editing_note = NULL;
      gtk_popover_popdown (GTK_POPOVER (self->note_popover));
    }
  on_note_changed (topology, note, self);
  selection_forget (self, self->sel_notes, note);
}

static void
on_ports_changed (CordTopology *topology,
                 CordPort     *port,
                 CordCanvas   *self)
{
  if (self->connect_from == port)
    self->connect_from = NULL;
  if (self->picking_device == port->device)
    gtk_popover_popdown (GTK_POPOVER (self->port_popover));
  cord_render_invalidate (self->render);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows the whole lab, no larger than @max_zoom. */
static void
frame_lab (CordCanvas *self,
           double      max_zoom)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;
  graphene_rect_t extents;

  g_assert (CORD_IS_CANVAS (self));

  if (w <= 0 || h <= 0)
    {
      self->view_ready = FALSE;
      return;
    }
  self->view_ready = TRUE;
  cord_canvas_get_lab_extents (self, &extents);
  zoom = MIN (w / extents.size.width, h / extents.size.height);
  zoom = CLAMP (zoom, CANVAS_ZOOM_MIN, MAX (max_zoom, CANVAS_ZOOM_MIN));
  self->origin_x = extents.origin.x + extents.size.width / 2 - w / 2 / zoom;
  self->origin_y = extents.origin.y + extents.size.height / 2 - h / 2 / zoom;
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_ZOOM]);
    }
  _cord_canvas_view_changed (self);
}

static void
cancel_interaction (CordCanvas *self)
{
  g_clear_handle_id (&self->rename_timeout, g_source_remove);
  _cord_canvas_cancel_rename (self);
  self->note_done = TRUE;
  self->editing_note = NULL;
  gtk_popover_popdown (GTK_POPOVER (self->note_popover));
  gtk_popover_popdown (GTK_POPOVER (self->port_popover));
  self->picking_device = NULL;
  self->connect_from = NULL;
  self->press_name_device = NULL;
  self->drag_mode = CANVAS_DRAG_NONE;
  self->drag_started = FALSE;
  self->hover = (CanvasHit) { CANVAS_HIT_NONE, NULL };
  g_clear_pointer (&self->drop_model, g_free);
}

void
cord_canvas_set_lab (CordCanvas   *self,
                     CordTopology *topology,
                     CordSim      *sim)
{
  gboolean had;

  g_return_if_fail (CORD_IS_CANVAS (self));
  g_return_if_fail (topology == NULL || CORD_IS_TOPOLOGY (topology));
  g_return_if_fail (sim == NULL || cord_sim_get_topology (sim) == topology);

  cancel_interaction (self);
  if (self->topology != NULL)
    g_signal_handlers_disconnect_by_data (self->topology, self);
  had = _cord_canvas_selection_clear (self);
  g_set_object (&self->topology, topology);
  self->sim = sim;
  _cord_canvas_draw_clear (self);
  if (topology != NULL)
    {
      g_signal_connect (topology, "device-added", G_CALLBACK (on_device_added), self);
      g_signal_connect (topology, "device-removed", G_CALLBACK (on_device_removed), self);
      g_signal_connect (topology, "device-changed", G_CALLBACK (on_device_changed), self);
      g_signal_connect (topology, "link-added", G_CALLBACK (on_links_changed), self);
      g_signal_connect (topology, "link-removed", G_CALLBACK (on_link_removed), self);
      g_signal_connect (topology, "link-changed", G_CALLBACK (on_links_changed), self);
      g_signal_connect (topology, "note-added", G_CALLBACK (on_note_changed), self);
      g_signal_connect (topology, "note-removed", G_CALLBACK (on_note_removed), self);
      g_signal_connect (topology, "note-changed", G_CALLBACK (on_note_changed), self);
      g_signal_connect (topology, "port-added", G_CALLBACK (on_ports_changed), self);
      g_signal_connect (topology, "port-removed", G_CALLBACK (on_ports_changed), self);
    }
  frame_lab (self, 1.0);
  if (had)
    _cord_canvas_selection_changed (self, TRUE);
  _cord_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CordTopology *
cord_canvas_get_topology (CordCanvas *self)
{
  g_return_val_if_fail (CORD_IS_CANVAS (self), NULL);
  return self->topology;
}

/* ---------------------------------------------------------------------- */
/* Tools and view                                                          */
/* ---------------------------------------------------------------------- */

void
cord_canvas_set_tool (CordCanvas     *self,
                      CordCanvasTool  tool,
                      const char     *model,
                      CordCable       cable)
{
  gboolean changed;

  g_return_if_fail (CORD_IS_CANVAS (self));
  g_return_if_fail (tool <= CORD_CANVAS_TOOL_NOTE);
  g_return_if_fail (tool != CORD_CANVAS_TOOL_PLACE || model != NULL);
  g_return_if_fail (cable <= CORD_CABLE_AUTO);

  changed = tool != self->tool || g_strcmp0 (model, self->place_model) != 0;
  self->connect_from = NULL;
  if (_cord_canvas_popover_open (self->port_popover))
    gtk_popover_popdown (GTK_POPOVER (self->port_popover));
  g_free (self->place_model);
  self->place_model = g_strdup (model);
  self->cable = cable;
  self->tool = tool;
  _cord_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (changed)
    {
      g_signal_emit (self, signals[SIGNAL_TOOL_CHANGED], 0);
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_TOOL]);
    }
}

CordCanvasTool
cord_canvas_get_tool (CordCanvas *self)
{
  g_return_val_if_fail (CORD_IS_CANVAS (self), CORD_CANVAS_TOOL_SELECT);
  return self->tool;
}

/* Zooms keeping the model point under (@wx, @wy) where it is. */
void
_cord_canvas_zoom_at (CordCanvas *self,
                      double      zoom,
                      double      wx,
                      double      wy)
{
  double mx, my;

  g_assert (CORD_IS_CANVAS (self));

  zoom = CLAMP (zoom, CANVAS_ZOOM_MIN, CANVAS_ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-9)
    return;
  _cord_canvas_widget_to_model (self, wx, wy, &mx, &my);
  self->zoom = zoom;
  self->origin_x = mx - wx / zoom;
  self->origin_y = my - wy / zoom;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_ZOOM]);
  _cord_canvas_view_changed (self);
}

static const double zoom_levels[] = {
  0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0
};

void
cord_canvas_set_zoom (CordCanvas *self,
                      double      zoom)
{
  g_return_if_fail (CORD_IS_CANVAS (self));
  _cord_canvas_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
cord_canvas_zoom_in (CordCanvas *self)
{
  g_return_if_fail (CORD_IS_CANVAS (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > self->zoom * 1.01)
      {
        cord_canvas_set_zoom (self, zoom_levels[i]);
        return;
      }
}

void
cord_canvas_zoom_out (CordCanvas *self)
{
  g_return_if_fail (CORD_IS_CANVAS (self));

  for (guint i = G_N_ELEMENTS (zoom_levels); i-- > 0;)
    if (zoom_levels[i] < self->zoom / 1.01)
      {
        cord_canvas_set_zoom (self, zoom_levels[i]);
        return;
      }
}

void
cord_canvas_zoom_fit (CordCanvas *self)
{
  g_return_if_fail (CORD_IS_CANVAS (self));
  frame_lab (self, 2.0);
}

double
cord_canvas_get_zoom (CordCanvas *self)
{
  g_return_val_if_fail (CORD_IS_CANVAS (self), 1.0);
  return self->zoom;
}

/* ---------------------------------------------------------------------- */
/* Export                                                                  */
/* ---------------------------------------------------------------------- */

void
cord_canvas_get_lab_extents (CordCanvas      *self,
                             graphene_rect_t *extents)
{
  g_return_if_fail (CORD_IS_CANVAS (self));
  g_return_if_fail (extents != NULL);

  cord_render_get_lab_extents (_cord_canvas_render (self), extents);
}

void
cord_canvas_render (CordCanvas *self,
                    cairo_t    *cr)
{
  g_return_if_fail (CORD_IS_CANVAS (self));
  g_return_if_fail (cr != NULL);

  cord_render_lab (_cord_canvas_render (self), cr);
}

/* ---------------------------------------------------------------------- */
/* GtkWidget                                                               */
/* ---------------------------------------------------------------------- */

static void
cord_canvas_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = 64;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 560;
}

static void
cord_canvas_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  CordCanvas *self = CORD_CANVAS (widget);

  if (!self->view_ready)
    frame_lab (self, 1.0);
  if (self->renaming != NULL)
    {
      graphene_rect_t r;
      double x0, y0, x1, y1;
      int min_h, min_w, w;

      _cord_canvas_name_bounds (self, self->renaming, &r);
      _cord_canvas_model_to_widget (self, r.origin.x, r.origin.y, &x0, &y0);
      _cord_canvas_model_to_widget (self, r.origin.x + r.size.width, r.origin.y + r.size.height, &x1, &y1);
      gtk_widget_measure (self->rename_entry, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      gtk_widget_measure (self->rename_entry, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      w = MAX (MAX (min_w, 160), (int) (x1 - x0) + 32);
      gtk_widget_size_allocate (self->rename_entry,
                                &(GtkAllocation) { (int) ((x0 + x1) / 2 - w / 2.0),
                                                   (int) ((y0 + y1) / 2 - min_h / 2.0), w, min_h }, -1);
    }
  gtk_popover_present (GTK_POPOVER (self->port_popover));
  gtk_popover_present (GTK_POPOVER (self->note_popover));
}

static void
cord_canvas_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  CordCanvas *self = CORD_CANVAS (widget);

  _cord_canvas_snapshot (self, snapshot);
  if (gtk_widget_get_visible (self->rename_entry))
    gtk_widget_snapshot_child (widget, self->rename_entry, snapshot);
}

static void
cord_canvas_system_setting_changed (GtkWidget         *widget,
                                    GtkSystemSetting   setting)
{
  CordCanvas *self = CORD_CANVAS (widget);

  GTK_WIDGET_CLASS (cord_canvas_parent_class)->system_setting_changed (widget, setting);
  /* The font may have changed: lay the labels out again. */
  _cord_canvas_draw_clear (self);
  gtk_widget_queue_draw (widget);
}

static void
action_zoom (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  CordCanvas *self = CORD_CANVAS (widget);

  if (g_str_equal (name, "canvas.zoom-in"))
    cord_canvas_zoom_in (self);
  else if (g_str_equal (name, "canvas.zoom-out"))
    cord_canvas_zoom_out (self);
  else
    cord_canvas_zoom_fit (self);
}

static void
action_edit (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  CordCanvas *self = CORD_CANVAS (widget);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (name, "canvas.select-all"))
    cord_canvas_select_all (self);
  else if (g_str_equal (name, "canvas.delete"))
    {
      if (!cord_canvas_delete_selection (self, &error))
        _cord_canvas_emit_error (self, error);
    }
  else
    _cord_canvas_key (self, GDK_KEY_F2, 0);
}

static void
cord_canvas_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CordCanvas *self = CORD_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_TOOL:
      g_value_set_enum (value, self->tool);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, cord_canvas_has_selection (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cord_canvas_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CordCanvas *self = CORD_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      cord_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_TOOL:
      /* Setting only the tool keeps the model and cable chosen before. */
      {
        g_autofree char *model = g_strdup (self->place_model);

        if (g_value_get_enum (value) == CORD_CANVAS_TOOL_PLACE && model == NULL)
          {
            g_warning ("The place tool needs a model; use cord_canvas_set_tool()");
            break;
          }
        cord_canvas_set_tool (self, g_value_get_enum (value), model, self->cable);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cord_canvas_dispose (GObject *object)
{
  CordCanvas *self = CORD_CANVAS (object);

  g_clear_handle_id (&self->rename_timeout, g_source_remove);
  if (self->topology != NULL)
    g_signal_handlers_disconnect_by_data (self->topology, self);
  g_clear_object (&self->topology);
  self->sim = NULL;
  _cord_canvas_draw_clear (self);
  self->renaming = NULL;
  self->editing_note = NULL;
  self->note_done = TRUE;
  g_clear_pointer (&self->port_popover, gtk_widget_unparent);
  g_clear_pointer (&self->note_popover, gtk_widget_unparent);
  g_clear_pointer (&self->rename_entry, gtk_widget_unparent);
  if (self->forwarding_destroy != NULL)
    self->forwarding_destroy (self->forwarding_data);
  self->forwarding_func = NULL;
  self->forwarding_destroy = NULL;
  cord_render_set_forwarding_func (self->render, NULL, NULL);

  G_OBJECT_CLASS (cord_canvas_parent_class)->dispose (object);
}

static void
cord_canvas_finalize (GObject *object)
{
  CordCanvas *self = CORD_CANVAS (object);

  _cord_canvas_band_end (self);
  g_clear_pointer (&self->sel_devices, g_hash_table_unref);
  g_clear_pointer (&self->sel_links, g_hash_table_unref);
  g_clear_pointer (&self->sel_notes, g_hash_table_unref);
  g_clear_pointer (&self->render, cord_render_free);
  g_clear_pointer (&self->place_model, g_free);
  g_clear_pointer (&self->drop_model, g_free);

  G_OBJECT_CLASS (cord_canvas_parent_class)->finalize (object);
}

static void
cord_canvas_class_init (CordCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

#ifdef CANVAS_HAVE_RESOURCES
  (void) cord_gui_get_resource ();
#endif

  object_class->get_property = cord_canvas_get_property;
  object_class->set_property = cord_canvas_set_property;
  object_class->dispose = cord_canvas_dispose;
  object_class->finalize = cord_canvas_finalize;
  widget_class->measure = cord_canvas_measure;
  widget_class->size_allocate = cord_canvas_size_allocate;
  widget_class->snapshot = cord_canvas_snapshot;
  widget_class->system_setting_changed = cord_canvas_system_setting_changed;

  pspecs[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, CANVAS_ZOOM_MIN, CANVAS_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  pspecs[PROP_TOOL] =
    g_param_spec_enum ("tool", NULL, NULL, CORD_TYPE_CANVAS_TOOL, CORD_CANVAS_TOOL_SELECT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  pspecs[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, pspecs);

  signals[SIGNAL_DEVICE_ACTIVATED] =
    g_signal_new ("device-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_TOOL_CHANGED] =
    g_signal_new ("tool-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, action_edit);

  gtk_widget_class_set_css_name (widget_class, "cordcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cord_canvas_init (CordCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->zoom = 1.0;
  self->cable = CORD_CABLE_AUTO;
  self->sel_devices = g_hash_table_new (NULL, NULL);
  self->sel_links = g_hash_table_new (NULL, NULL);
  self->sel_notes = g_hash_table_new (NULL, NULL);
  _cord_canvas_draw_init (self);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Logical workspace"), -1);
  _cord_canvas_input_init (self);
  _cord_canvas_editors_init (self);
  _cord_canvas_update_cursor (self);
}

GtkWidget *
cord_canvas_new (void)
{
  return g_object_new (CORD_TYPE_CANVAS, NULL);
}

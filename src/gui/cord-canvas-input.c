/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordCanvas input: pointer gestures, scrolling, tooltips, drag and drop from the palette, keys, and the hooks tests drive them through. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cord-canvas-private.h"

#define NUDGE_STEP      4.0
#define DRAG_THRESHOLD  4.0
#define WHEEL_STEP      48.0

/* ---------------------------------------------------------------------- */
/* Pointer input                                                           */
/* ---------------------------------------------------------------------- */

static CordDevice *
place_device (CordCanvas *self,
              const char *model,
              double      mx,
              double      my)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device;

  g_assert (CORD_IS_CANVAS (self) && model != NULL);

  device = cord_topology_add_device (self->topology, model, NULL, round (mx), round (my), &error);
  if (device == NULL)
    _cord_canvas_emit_error (self, error);
  else
    _cord_canvas_select_only (self, self->sel_devices, device);
  return device;
}

static gboolean
same_set (GHashTable *a,
          GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

static GHashTable *
copy_set (GHashTable *set)
{
  GHashTable *copy = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy, key);
  return copy;
}

/* The selection becomes what it was at the press (with Shift or Ctrl) or
 * nothing, plus every device and note the band touches. */
static void
band_select (CordCanvas *self)
{
  g_autoptr(GHashTable) devices = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) links = NULL;
  gboolean had = _cord_canvas_selection_size (self) > 0;
  double x0, y0, x1, y1;
  graphene_rect_t band, r;

  g_assert (CORD_IS_CANVAS (self) && self->topology != NULL);

  _cord_canvas_widget_to_model (self, self->drag_x0, self->drag_y0, &x0, &y0);
  x1 = x0 + self->drag_dx;
  y1 = y0 + self->drag_dy;
  graphene_rect_init (&band, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
  devices = self->band_base[0] ? copy_set (self->band_base[0]) : g_hash_table_new (NULL, NULL);
  links = self->band_base[1] ? copy_set (self->band_base[1]) : g_hash_table_new (NULL, NULL);
  notes = self->band_base[2] ? copy_set (self->band_base[2]) : g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < cord_topology_get_n_devices (self->topology); i++)
    {
      CordDevice *device = cord_topology_get_device (self->topology, i);

      _cord_canvas_icon_bounds (self, device, &r);
      if (graphene_rect_intersection (&band, &r, NULL))
        g_hash_table_add (devices, device);
    }
  for (guint i = 0; i < cord_topology_get_n_notes (self->topology); i++)
    {
      CordNote *note = cord_topology_get_note (self->topology, i);

      _cord_canvas_note_bounds (self, note, &r);
      if (graphene_rect_intersection (&band, &r, NULL))
        g_hash_table_add (notes, note);
    }
  if (same_set (devices, self->sel_devices) && same_set (links, self->sel_links) &&
      same_set (notes, self->sel_notes))
    return;
  g_hash_table_unref (self->sel_devices);
  g_hash_table_unref (self->sel_links);
  g_hash_table_unref (self->sel_notes);
  self->sel_devices = g_steal_pointer (&devices);
  self->sel_links = g_steal_pointer (&links);
  self->sel_notes = g_steal_pointer (&notes);
  _cord_canvas_selection_changed (self, had);
}

void
_cord_canvas_band_end (CordCanvas *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->band_base); i++)
    g_clear_pointer (&self->band_base[i], g_hash_table_unref);
}

static void
canvas_press (CordCanvas      *self,
              double           wx,
              double           wy,
              GdkModifierType  state)
{
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  double mx, my;
  CanvasHit hit;

  g_assert (CORD_IS_CANVAS (self));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_clear_handle_id (&self->rename_timeout, g_source_remove);
  _cord_canvas_commit_rename (self);
  self->drag_mode = CANVAS_DRAG_NONE;
  self->drag_started = FALSE;
  self->drag_x0 = wx;
  self->drag_y0 = wy;
  self->drag_dx = self->drag_dy = 0;
  self->press_name_device = NULL;
  self->tool_sticky = (state & GDK_CONTROL_MASK) != 0;
  if (self->space_held)
    {
      self->drag_mode = CANVAS_DRAG_PAN;
      self->pan_origin_x = self->origin_x;
      self->pan_origin_y = self->origin_y;
      _cord_canvas_update_cursor (self);
      return;
    }
  if (self->topology == NULL)
    return;
  _cord_canvas_widget_to_model (self, wx, wy, &mx, &my);
  hit = _cord_canvas_hit_test (self, mx, my);

  switch (self->tool)
    {
    case CORD_CANVAS_TOOL_PLACE:
      if (place_device (self, self->place_model, mx, my) != NULL && !self->tool_sticky)
        cord_canvas_set_tool (self, CORD_CANVAS_TOOL_SELECT, NULL, CORD_CABLE_AUTO);
      return;

    case CORD_CANVAS_TOOL_NOTE:
      _cord_canvas_open_note_editor (self, hit.kind == CANVAS_HIT_NOTE ? hit.item : NULL, mx, my);
      return;

    case CORD_CANVAS_TOOL_CONNECT:
      if (hit.kind == CANVAS_HIT_DEVICE || hit.kind == CANVAS_HIT_DEVICE_NAME)
        _cord_canvas_open_port_picker (self, hit.item);
      return;

    case CORD_CANVAS_TOOL_SELECT:
    default:
      break;
    }

  if (hit.kind == CANVAS_HIT_NONE)
    {
      gboolean had = _cord_canvas_selection_size (self) > 0;

      if (!extend && _cord_canvas_selection_clear (self))
        _cord_canvas_selection_changed (self, had);
      self->drag_mode = CANVAS_DRAG_RUBBER;
      _cord_canvas_band_end (self);
      if (extend)
        {
          self->band_base[0] = copy_set (self->sel_devices);
          self->band_base[1] = copy_set (self->sel_links);
          self->band_base[2] = copy_set (self->sel_notes);
        }
      return;
    }
  {
    GHashTable *set = _cord_canvas_selection_set (self, hit.kind);
    gboolean was_selected = g_hash_table_contains (set, hit.item);
    gboolean had = _cord_canvas_selection_size (self) > 0;

    self->drag_mode = CANVAS_DRAG_MOVE;
    if (extend && was_selected)
      {
        g_hash_table_remove (set, hit.item);
        self->drag_mode = CANVAS_DRAG_NONE;
      }
    else if (!was_selected)
      {
        if (!extend)
          _cord_canvas_selection_clear (self);
        g_hash_table_add (set, hit.item);
      }
    else if (hit.kind == CANVAS_HIT_DEVICE_NAME && _cord_canvas_selection_size (self) == 1)
      self->press_name_device = hit.item;
    if (!was_selected || extend)
      _cord_canvas_selection_changed (self, had);
  }
}

static void
canvas_double_press (CordCanvas *self,
                     double      wx,
                     double      wy)
{
  double mx, my;
  CanvasHit hit;

  g_clear_handle_id (&self->rename_timeout, g_source_remove);
  self->press_name_device = NULL;
  /* The press handler may run before or after this one for the same
   * press; the flag keeps that press from starting a rename. */
  self->double_pressed = TRUE;
  if (self->topology == NULL || self->tool != CORD_CANVAS_TOOL_SELECT)
    return;
  _cord_canvas_widget_to_model (self, wx, wy, &mx, &my);
  hit = _cord_canvas_hit_test (self, mx, my);
  if (hit.kind == CANVAS_HIT_DEVICE || hit.kind == CANVAS_HIT_DEVICE_NAME)
    {
      self->drag_mode = CANVAS_DRAG_NONE;
      _cord_canvas_emit_device_activated (self, hit.item);
    }
  else if (hit.kind == CANVAS_HIT_NOTE)
    {
      self->drag_mode = CANVAS_DRAG_NONE;
      _cord_canvas_open_note_editor (self, hit.item, mx, my);
    }
}

static void
canvas_drag_update (CordCanvas *self,
                    double      dx,
                    double      dy)
{
  if (self->drag_mode == CANVAS_DRAG_NONE)
    return;
  if (!self->drag_started)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      self->drag_started = TRUE;
      self->press_name_device = NULL;
    }
  switch (self->drag_mode)
    {
    case CANVAS_DRAG_PAN:
      self->origin_x = self->pan_origin_x - dx / self->zoom;
      self->origin_y = self->pan_origin_y - dy / self->zoom;
      _cord_canvas_view_changed (self);
      break;
    case CANVAS_DRAG_MOVE:
      self->drag_dx = dx / self->zoom;
      self->drag_dy = dy / self->zoom;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case CANVAS_DRAG_RUBBER:
      self->drag_dx = dx / self->zoom;
      self->drag_dy = dy / self->zoom;
      band_select (self);
      break;
    case CANVAS_DRAG_NONE:
    default:
      break;
    }
}

/* Commits a drag of the selection as one undo step. */
static void
commit_move (CordCanvas *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = cord_canvas_get_selected_devices (self);
  g_autoptr(GList) notes = g_hash_table_get_keys (self->sel_notes);
  double dx = self->drag_dx, dy = self->drag_dy;
  gboolean ok = TRUE;

  g_assert (CORD_IS_CANVAS (self) && self->topology != NULL);

  self->drag_mode = CANVAS_DRAG_NONE;
  if (devices->len == 0 && notes == NULL)
    return;
  cord_topology_begin_group (self->topology, _("Move"));
  for (guint i = 0; ok && i < devices->len; i++)
    {
      CordDevice *device = devices->pdata[i];

      ok = cord_topology_move_device (self->topology, device, round (device->x + dx),
                                      round (device->y + dy), &error);
    }
  for (GList *l = notes; ok && l != NULL; l = l->next)
    {
      CordNote *note = l->data;

      ok = cord_topology_edit_note (self->topology, note, round (note->x + dx),
                                    round (note->y + dy), note->text, &error);
    }
  cord_topology_end_group (self->topology);
  if (!ok)
    _cord_canvas_emit_error (self, error);
}

static void
canvas_drag_end (CordCanvas *self,
                 double      dx,
                 double      dy)
{
  canvas_drag_update (self, dx, dy);
  _cord_canvas_band_end (self);
  if (self->drag_mode == CANVAS_DRAG_MOVE && self->drag_started)
    commit_move (self);
  else if (!self->drag_started && self->press_name_device != NULL && !self->double_pressed)
    {
      /* A click on the name of the selected device renames it, once it is
       * clear that the click is not the start of a double-click. */
      GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
      int delay = 400;

      g_object_get (settings, "gtk-double-click-time", &delay, NULL);
      self->rename_timeout = g_timeout_add (delay, _cord_canvas_rename_after_click, self);
    }
  self->drag_mode = CANVAS_DRAG_NONE;
  self->drag_started = FALSE;
  self->drag_dx = self->drag_dy = 0;
  self->double_pressed = FALSE;
  _cord_canvas_update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CordCanvas     *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  canvas_press (self, x, y, state);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CordCanvas     *self)
{
  canvas_drag_update (self, dx, dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CordCanvas     *self)
{
  canvas_drag_end (self, dx, dy);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  CordCanvas      *self)
{
  if (n_press == 2)
    canvas_double_press (self, x, y);
}

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              CordCanvas     *self)
{
  self->drag_mode = CANVAS_DRAG_PAN;
  self->drag_started = TRUE;
  self->pan_origin_x = self->origin_x;
  self->pan_origin_y = self->origin_y;
  _cord_canvas_update_cursor (self);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CordCanvas               *self)
{
  CanvasHit hit = { CANVAS_HIT_NONE, NULL };
  double mx, my;

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (self->topology != NULL && self->drag_mode == CANVAS_DRAG_NONE)
    {
      _cord_canvas_widget_to_model (self, x, y, &mx, &my);
      hit = _cord_canvas_hit_test (self, mx, my);
    }
  if (hit.item != self->hover.item || hit.kind != self->hover.kind || self->connect_from != NULL)
    {
      self->hover = hit;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          CordCanvas               *self)
{
  self->pointer_inside = FALSE;
  self->hover = (CanvasHit) { CANVAS_HIT_NONE, NULL };
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CordCanvas               *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      double wx = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double wy = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

      _cord_canvas_zoom_at (self, self->zoom * pow (1.15, -dy), wx, wy);
      return TRUE;
    }
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  self->origin_x += dx * WHEEL_STEP / self->zoom;
  self->origin_y += dy * WHEEL_STEP / self->zoom;
  _cord_canvas_view_changed (self);
  return TRUE;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  CordCanvas *self = CORD_CANVAS (widget);
  g_autofree char *markup = NULL;
  graphene_rect_t r;
  double mx, my, x0, y0, x1, y1;
  CanvasHit hit;

  if (self->topology == NULL || self->drag_mode != CANVAS_DRAG_NONE ||
      _cord_canvas_popover_open (self->port_popover) || _cord_canvas_popover_open (self->note_popover))
    return FALSE;
  _cord_canvas_widget_to_model (self, x, y, &mx, &my);
  hit = _cord_canvas_hit_test (self, mx, my);
  markup = _cord_canvas_tooltip_markup (self, hit);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  if (hit.kind == CANVAS_HIT_LINK)
    graphene_rect_init (&r, mx - 6 / self->zoom, my - 6 / self->zoom, 12 / self->zoom, 12 / self->zoom);
  else
    _cord_canvas_device_bounds (self, hit.item, &r);
  _cord_canvas_model_to_widget (self, r.origin.x, r.origin.y, &x0, &y0);
  _cord_canvas_model_to_widget (self, r.origin.x + r.size.width, r.origin.y + r.size.height, &x1, &y1);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) x0, (int) y0,
                                                       (int) ceil (x1 - x0), (int) ceil (y1 - y0) });
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Drag and drop from the palette                                          */
/* ---------------------------------------------------------------------- */

char *
cord_canvas_drag_payload_new (const char *model)
{
  g_return_val_if_fail (model != NULL, NULL);
  return g_strconcat (CORD_CANVAS_DRAG_PREFIX, model, NULL);
}

const char *
cord_canvas_drag_payload_model (const char *payload)
{
  if (payload == NULL || !g_str_has_prefix (payload, CORD_CANVAS_DRAG_PREFIX))
    return NULL;
  payload += strlen (CORD_CANVAS_DRAG_PREFIX);
  return *payload != '\0' ? payload : NULL;
}

static const char *
drop_model (CordCanvas *self,
            const GValue *value)
{
  const char *model;

  if (self->topology == NULL || value == NULL || !G_VALUE_HOLDS_STRING (value))
    return NULL;
  model = cord_canvas_drag_payload_model (g_value_get_string (value));
  if (model == NULL ||
      cord_catalog_lookup_model (cord_topology_get_catalog (self->topology), model) == NULL)
    return NULL;
  return model;
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                CordCanvas    *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  const char *model = drop_model (self, value);

  /* Until the string has arrived, accept: the target's type already
   * filtered the offer. */
  if (value == NULL)
    return self->topology != NULL ? GDK_ACTION_COPY : 0;
  if (model == NULL)
    return 0;
  if (g_strcmp0 (model, self->drop_model) != 0)
    {
      g_free (self->drop_model);
      self->drop_model = g_strdup (model);
    }
  _cord_canvas_widget_to_model (self, x, y, &self->drop_x, &self->drop_y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target,
               CordCanvas    *self)
{
  g_clear_pointer (&self->drop_model, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CordCanvas    *self)
{
  const char *model = drop_model (self, value);
  double mx, my;

  g_clear_pointer (&self->drop_model, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (model == NULL)
    return FALSE;
  _cord_canvas_widget_to_model (self, x, y, &mx, &my);
  return place_device (self, model, mx, my) != NULL;
}

/* ---------------------------------------------------------------------- */
/* Keys                                                                    */
/* ---------------------------------------------------------------------- */

static void
nudge (CordCanvas *self,
       double      dx,
       double      dy)
{
  self->drag_dx = dx;
  self->drag_dy = dy;
  commit_move (self);
  self->drag_dx = self->drag_dy = 0;
}

gboolean
_cord_canvas_key (CordCanvas      *self,
                  guint            keyval,
                  GdkModifierType  state)
{
  double step = (state & GDK_SHIFT_MASK) ? CANVAS_GRID : NUDGE_STEP;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = NULL;

  g_assert (CORD_IS_CANVAS (self));

  /* Keys typed into the rename entry or a popover are theirs. */
  if (self->renaming != NULL || _cord_canvas_popover_open (self->port_popover) ||
      _cord_canvas_popover_open (self->note_popover))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_space:
      self->space_held = TRUE;
      _cord_canvas_update_cursor (self);
      return TRUE;

    case GDK_KEY_Escape:
      if (self->drag_mode != CANVAS_DRAG_NONE)
        {
          self->drag_mode = CANVAS_DRAG_NONE;
          self->drag_started = FALSE;
          _cord_canvas_update_cursor (self);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      else if (self->connect_from != NULL)
        {
          self->connect_from = NULL;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      else if (self->tool != CORD_CANVAS_TOOL_SELECT)
        cord_canvas_set_tool (self, CORD_CANVAS_TOOL_SELECT, NULL, CORD_CABLE_AUTO);
      else if (_cord_canvas_selection_size (self) > 0)
        cord_canvas_unselect_all (self);
      else
        return FALSE;
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (_cord_canvas_selection_size (self) == 0)
        return FALSE;
      if (!cord_canvas_delete_selection (self, &error))
        _cord_canvas_emit_error (self, error);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (self->topology == NULL ||
          g_hash_table_size (self->sel_devices) + g_hash_table_size (self->sel_notes) == 0)
        return FALSE;
      nudge (self,
             (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left) ? -step :
             (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) ? step : 0,
             (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) ? -step :
             (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) ? step : 0);
      return TRUE;

    case GDK_KEY_F2:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      devices = cord_canvas_get_selected_devices (self);
      if (devices->len != 1)
        return FALSE;
      if (keyval == GDK_KEY_F2)
        _cord_canvas_start_rename (self, devices->pdata[0]);
      else
        _cord_canvas_emit_device_activated (self, devices->pdata[0]);
      return TRUE;

    case GDK_KEY_a:
      if (!ctrl)
        return FALSE;
      cord_canvas_select_all (self);
      return TRUE;

    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      if (!ctrl)
        return FALSE;
      cord_canvas_zoom_in (self);
      return TRUE;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      if (!ctrl)
        return FALSE;
      cord_canvas_zoom_out (self);
      return TRUE;

    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      if (!ctrl)
        return FALSE;
      cord_canvas_zoom_fit (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CordCanvas            *self)
{
  return _cord_canvas_key (self, keyval, state);
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 CordCanvas            *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_held = FALSE;
      _cord_canvas_update_cursor (self);
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                CordCanvas              *self)
{
  self->space_held = FALSE;
  _cord_canvas_update_cursor (self);
}

/* ---------------------------------------------------------------------- */
/* Event controllers                                                       */
/* ---------------------------------------------------------------------- */

void
_cord_canvas_input_init (CordCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pan = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);

  g_assert (CORD_IS_CANVAS (self));

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (pan, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pan));

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (keys, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (widget, keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, focus);

  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drop));
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                   */
/* ---------------------------------------------------------------------- */

void
_cord_canvas_test_click (CordCanvas      *self,
                         double           x,
                         double           y,
                         int              n_press,
                         GdkModifierType  modifiers)
{
  g_return_if_fail (CORD_IS_CANVAS (self));

  canvas_press (self, x, y, modifiers);
  if (n_press >= 2)
    canvas_double_press (self, x, y);
  canvas_drag_end (self, 0, 0);
}

void
_cord_canvas_test_drag (CordCanvas      *self,
                        double           x0,
                        double           y0,
                        double           x1,
                        double           y1,
                        GdkModifierType  modifiers)
{
  g_return_if_fail (CORD_IS_CANVAS (self));

  canvas_press (self, x0, y0, modifiers);
  canvas_drag_update (self, (x1 - x0) / 2, (y1 - y0) / 2);
  canvas_drag_update (self, x1 - x0, y1 - y0);
  canvas_drag_end (self, x1 - x0, y1 - y0);
}

gboolean
_cord_canvas_test_drop (CordCanvas *self,
                        const char *payload,
                        double      x,
                        double      y)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (CORD_IS_CANVAS (self), FALSE);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, payload);
  return on_drop (NULL, &value, x, y, self);
}

gboolean
_cord_canvas_test_key (CordCanvas      *self,
                       guint            keyval,
                       GdkModifierType  modifiers)
{
  g_return_val_if_fail (CORD_IS_CANVAS (self), FALSE);
  return _cord_canvas_key (self, keyval, modifiers);
}

gboolean
_cord_canvas_test_pick_port (CordCanvas *self,
                             const char *port_name)
{
  g_return_val_if_fail (CORD_IS_CANVAS (self), FALSE);

  if (!_cord_canvas_popover_open (self->port_popover) || self->picking_device == NULL)
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (self->port_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "port-index"));
      CordPort *port = self->picking_device->ports->pdata[index];

      if (strcmp (port->name, port_name) == 0)
        {
          if (!gtk_widget_get_sensitive (row))
            return FALSE;
          gtk_widget_activate (row);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_cord_canvas_test_commit_text (CordCanvas *self,
                               const char *text)
{
  g_return_val_if_fail (CORD_IS_CANVAS (self), FALSE);

  if (_cord_canvas_popover_open (self->note_popover))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view)), text, -1);
      _cord_canvas_commit_note (self);
      return TRUE;
    }
  if (self->renaming != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), text);
      g_signal_emit_by_name (self->rename_entry, "activate");
      return TRUE;
    }
  return FALSE;
}

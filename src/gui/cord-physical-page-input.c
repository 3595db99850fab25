/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordPhysicalPage input: clicks and keys on the panel, tooltips, a slot's menu, and dragging modules in and out. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cord-physical-page-private.h"

/* ---------------------------------------------------------------------- */
/* Drag payloads                                                           */
/* ---------------------------------------------------------------------- */

char *
_cord_physical_page_module_payload (const char *module)
{
  g_return_val_if_fail (module != NULL, NULL);
  return g_strconcat (CORD_PHYSICAL_MODULE_PREFIX, module, NULL);
}

char *
_cord_physical_page_slot_payload (CordDevice *device,
                                  const char *slot)
{
  g_return_val_if_fail (device != NULL && slot != NULL, NULL);
  return g_strdup_printf (CORD_PHYSICAL_SLOT_PREFIX "%u:%s", device->id, slot);
}

static const char *
payload_module (const char *payload)
{
  if (payload == NULL || !g_str_has_prefix (payload, CORD_PHYSICAL_MODULE_PREFIX))
    return NULL;
  payload += strlen (CORD_PHYSICAL_MODULE_PREFIX);
  return *payload != '\0' ? payload : NULL;
}

/* The slot of a payload from this page's own device; a module dragged
 * out of another device's panel means nothing here. */
static const char *
payload_slot (CordPhysicalPage *self,
              const char       *payload)
{
  const char *colon;
  guint64 id;

  if (self->device == NULL || payload == NULL ||
      !g_str_has_prefix (payload, CORD_PHYSICAL_SLOT_PREFIX))
    return NULL;
  payload += strlen (CORD_PHYSICAL_SLOT_PREFIX);
  colon = strchr (payload, ':');
  if (colon == NULL || colon[1] == '\0')
    return NULL;
  id = g_ascii_strtoull (payload, NULL, 10);
  return id == self->device->id ? colon + 1 : NULL;
}

/* ---------------------------------------------------------------------- */
/* The context menu                                                        */
/* ---------------------------------------------------------------------- */

static void
update_actions (CordPhysicalPage *self)
{
  gboolean has_slot = self->device != NULL && self->selected != NULL;
  gboolean occupied = has_slot && cord_device_get_module (self->device, self->selected) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "physical.insert",
                                 has_slot && !occupied && _cord_physical_page_selected_module (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "physical.remove", occupied);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "physical.power", self->device != NULL);
}

static void
open_menu (CordPhysicalPage      *self,
           const graphene_rect_t *at)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) slot_section = g_menu_new ();
  g_autoptr(GMenu) power_section = g_menu_new ();
  const CordInstalledModule *installed = NULL;
  graphene_point_t origin;
  GdkRectangle rect;

  if (self->device == NULL)
    return;
  if (self->selected != NULL)
    installed = cord_device_get_module (self->device, self->selected);
  if (installed != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Remove %s"), installed->module->name);

      g_menu_append (slot_section, label, "physical.remove");
    }
  else if (self->selected != NULL && _cord_physical_page_selected_module (self) != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Insert %s"), _cord_physical_page_selected_module (self));

      g_menu_append (slot_section, label, "physical.insert");
    }
  else if (self->selected != NULL)
    g_menu_append (slot_section, _("Insert the Module Selected in the List"), "physical.insert");
  g_menu_append (power_section, self->device->powered ? _("Power Off") : _("Power On"),
                 "physical.power");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (slot_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (power_section));
  update_actions (self);
  /* A new menu each time: a popover sized for one menu keeps that size.
   * It hangs off the page, not off the scrolled panel, which would cut it
   * short. */
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  _cord_physical_page_rect_to_widget (self, at, &rect);
  if (gtk_widget_compute_point (GTK_WIDGET (self->area), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (rect.x, rect.y), &origin))
    {
      rect.x = (int) origin.x;
      rect.y = (int) origin.y;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
open_menu_at_selection (CordPhysicalPage *self)
{
  CordRenderPanel *panel = _cord_physical_page_get_panel (self);
  const CordPanelHit *hit = NULL;

  if (panel == NULL)
    return;
  if (self->selected != NULL)
    hit = cord_render_panel_find_slot (panel, self->selected);
  for (guint i = 0; hit == NULL && i < cord_render_panel_get_n_hits (panel); i++)
    if (cord_render_panel_get_hit (panel, i)->kind == CORD_PANEL_HIT_POWER)
      hit = cord_render_panel_get_hit (panel, i);
  if (hit != NULL)
    open_menu (self, &hit->rect);
}

static void
action_insert (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  CordPhysicalPage *self = CORD_PHYSICAL_PAGE (widget);

  if (self->selected != NULL && _cord_physical_page_selected_module (self) != NULL)
    cord_physical_page_insert (self, self->selected, _cord_physical_page_selected_module (self));
}

static void
action_remove (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  CordPhysicalPage *self = CORD_PHYSICAL_PAGE (widget);

  if (self->selected != NULL)
    cord_physical_page_remove (self, self->selected);
}

static void
action_power (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  cord_physical_page_toggle_power (CORD_PHYSICAL_PAGE (widget));
}

/* ---------------------------------------------------------------------- */
/* Pointer and keys on the panel                                           */
/* ---------------------------------------------------------------------- */

void
_cord_physical_page_click (CordPhysicalPage *self,
                           double            x,
                           double            y,
                           int               n_press)
{
  const CordPanelHit *hit = _cord_physical_page_hit_at (self, x, y);
  const char *slot = _cord_physical_page_slot_at (self, x, y, FALSE);

  g_return_if_fail (CORD_IS_PHYSICAL_PAGE (self));

  if (hit != NULL && hit->kind == CORD_PANEL_HIT_POWER)
    {
      _cord_physical_page_select_power (self);
      cord_physical_page_toggle_power (self);
    }
  else if (slot != NULL)
    {
      _cord_physical_page_select_slot (self, slot);
      /* A double click on an empty slot puts the chosen module in. */
      if (n_press == 2 && self->device != NULL && cord_device_get_module (self->device, slot) == NULL &&
          _cord_physical_page_selected_module (self) != NULL)
        cord_physical_page_insert (self, slot, _cord_physical_page_selected_module (self));
    }
  else
    {
      _cord_physical_page_select_slot (self, NULL);
      self->power_selected = FALSE;
    }
}

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            CordPhysicalPage *self)
{
  const CordPanelHit *hit = _cord_physical_page_hit_at (self, x, y);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  if (button == GDK_BUTTON_SECONDARY)
    {
      const char *slot = _cord_physical_page_slot_at (self, x, y, FALSE);
      CordRenderPanel *panel = _cord_physical_page_get_panel (self);

      if (slot != NULL)
        _cord_physical_page_select_slot (self, slot);
      else if (hit != NULL && hit->kind == CORD_PANEL_HIT_POWER)
        _cord_physical_page_select_power (self);
      else
        return;
      if (slot != NULL && panel != NULL)
        open_menu (self, &cord_render_panel_find_slot (panel, slot)->rect);
      else
        open_menu (self, &hit->rect);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  /* The switch flips on release, so that a press that wanders off does not. */
  self->power_pressed = hit != NULL && hit->kind == CORD_PANEL_HIT_POWER;
  if (!self->power_pressed)
    _cord_physical_page_click (self, x, y, n_press);
}

static void
on_released (GtkGestureClick  *gesture,
             int               n_press,
             double            x,
             double            y,
             CordPhysicalPage *self)
{
  const CordPanelHit *hit = _cord_physical_page_hit_at (self, x, y);

  if (self->power_pressed && hit != NULL && hit->kind == CORD_PANEL_HIT_POWER)
    _cord_physical_page_click (self, x, y, n_press);
  self->power_pressed = FALSE;
}

/* Moves the selection ring along the slots and the power switch. */
static void
move_selection (CordPhysicalPage *self,
                int               step)
{
  CordRenderPanel *panel = _cord_physical_page_get_panel (self);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  int current = -1, n;

  if (panel == NULL)
    return;
  for (guint i = 0; i < cord_render_panel_get_n_hits (panel); i++)
    {
      const CordPanelHit *hit = cord_render_panel_get_hit (panel, i);

      if (hit->kind == CORD_PANEL_HIT_PORT)
        continue;
      if ((hit->kind == CORD_PANEL_HIT_POWER && self->power_selected) ||
          (hit->kind == CORD_PANEL_HIT_SLOT && g_strcmp0 (hit->id, self->selected) == 0))
        current = (int) targets->len;
      g_ptr_array_add (targets, (gpointer) hit);
    }
  n = (int) targets->len;
  if (n == 0)
    return;
  current = current < 0 ? (step > 0 ? 0 : n - 1) : ((current + step) % n + n) % n;
  if (((CordPanelHit *) targets->pdata[current])->kind == CORD_PANEL_HIT_POWER)
    _cord_physical_page_select_power (self);
  else
    _cord_physical_page_select_slot (self, ((CordPanelHit *) targets->pdata[current])->id);
}

gboolean
_cord_physical_page_key (CordPhysicalPage *self,
                         guint             keyval,
                         GdkModifierType   state)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), FALSE);

  if (self->device == NULL)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->power_selected)
        cord_physical_page_toggle_power (self);
      else if (self->selected != NULL && cord_device_get_module (self->device, self->selected) == NULL)
        {
          if (_cord_physical_page_selected_module (self) != NULL)
            cord_physical_page_insert (self, self->selected, _cord_physical_page_selected_module (self));
          else
            _cord_physical_page_show_message (self, _("Pick a module in the list first, then press Enter on the slot."));
        }
      else if (self->selected != NULL)
        open_menu_at_selection (self);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (self->selected != NULL && cord_device_get_module (self->device, self->selected) != NULL)
        cord_physical_page_remove (self, self->selected);
      return TRUE;
    case GDK_KEY_Menu:
      open_menu_at_selection (self);
      return TRUE;
    case GDK_KEY_F10:
      if ((state & GDK_SHIFT_MASK) != 0)
        {
          open_menu_at_selection (self);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_equal:
      _cord_physical_page_zoom_by (self, PHYSICAL_ZOOM_STEP);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      _cord_physical_page_zoom_by (self, 1 / PHYSICAL_ZOOM_STEP);
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
                CordPhysicalPage      *self)
{
  return _cord_physical_page_key (self, keyval, state);
}

static char *
port_tooltip (CordPhysicalPage *self,
              const char       *name)
{
  CordPort *port = cord_device_find_port (self->device, name);
  CordPort *peer;

  if (port == NULL)
    return NULL;
  if (port->link == NULL)
    return g_strdup_printf (_("%s: free"), port->name);
  peer = cord_link_get_peer (port->link, port);
  return g_strdup_printf (_("%s: to %s %s (%s)"), port->name, peer->device->name, peer->name,
                          cord_cable_label (port->link->cable));
}

static char *
slot_tooltip (CordPhysicalPage *self,
              const char       *slot)
{
  const CordInstalledModule *installed = cord_device_get_module (self->device, slot);
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GString) families = NULL;

  if (installed != NULL)
    return g_strdup_printf (_("Slot %s: %s. Drag it out of the slot to remove it."), slot,
                            installed->module->name);
  slots = cord_device_list_slots (self->device);
  families = g_string_new (NULL);
  for (guint i = 0; i < slots->len; i++)
    {
      const CordSlotSpec *s = slots->pdata[i];

      if (strcmp (s->id, slot) != 0)
        continue;
      for (guint f = 0; s->accepts != NULL && s->accepts[f] != NULL; f++)
        {
          g_autofree char *up = g_ascii_strup (s->accepts[f], -1);

          g_string_append_printf (families, "%s%s", families->len > 0 ? ", " : "", up);
        }
      break;
    }
  return g_strdup_printf (_("Slot %s: empty, takes %s modules. Drag one here from the list."),
                          slot, families->str);
}

static gboolean
on_query_tooltip (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  CordPhysicalPage *self)
{
  const CordPanelHit *hit = _cord_physical_page_hit_at (self, x, y);
  g_autofree char *text = NULL;
  GdkRectangle area;

  if (hit == NULL)
    return FALSE;
  switch (hit->kind)
    {
    case CORD_PANEL_HIT_PORT:
      text = port_tooltip (self, hit->id);
      break;
    case CORD_PANEL_HIT_SLOT:
      text = slot_tooltip (self, hit->id);
      break;
    case CORD_PANEL_HIT_POWER:
      text = g_strdup (self->device->powered ? _("Power switch: on. Click to switch the device off.")
                                             : _("Power switch: off. Click to switch the device on."));
      break;
    default:
      g_assert_not_reached ();
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  _cord_physical_page_rect_to_widget (self, &hit->rect, &area);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Dragging modules in and out                                             */
/* ---------------------------------------------------------------------- */

static GdkTexture *
module_texture (const CordModuleSpec *module,
                int                   width,
                int                   height,
                int                   scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                         height * scale);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_scale (cr, scale, scale);
  cord_render_module_picture (cr, module, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* Cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height * scale);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static void
set_drag_icon (CordPhysicalPage     *self,
               GtkDragSource        *source,
               const CordModuleSpec *module)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autoptr(GdkTexture) texture = module_texture (module, 2 * PHYSICAL_PICTURE_W, 2 * PHYSICAL_PICTURE_H, scale);

  gtk_drag_source_set_icon (source, GDK_PAINTABLE (texture), PHYSICAL_PICTURE_W, PHYSICAL_PICTURE_H);
}

static GdkContentProvider *
on_panel_drag_prepare (GtkDragSource    *source,
                       double            x,
                       double            y,
                       CordPhysicalPage *self)
{
  const char *slot = _cord_physical_page_slot_at (self, x, y, TRUE);
  g_autofree char *payload = NULL;

  if (slot == NULL)
    return NULL;
  g_free (self->drag_slot);
  self->drag_slot = g_strdup (slot);
  payload = _cord_physical_page_slot_payload (self->device, slot);
  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_panel_drag_begin (GtkDragSource    *source,
                     GdkDrag          *drag,
                     CordPhysicalPage *self)
{
  const CordInstalledModule *installed =
    self->device != NULL && self->drag_slot != NULL ? cord_device_get_module (self->device, self->drag_slot)
                                                    : NULL;

  if (installed != NULL)
    set_drag_icon (self, source, installed->module);
  _cord_physical_page_select_slot (self, self->drag_slot);
}

static gboolean
on_panel_drag_cancel (GtkDragSource       *source,
                      GdkDrag             *drag,
                      GdkDragCancelReason  reason,
                      CordPhysicalPage    *self)
{
  /* Let go where nothing takes it: off the panel, so out it comes. */
  if (reason == GDK_DRAG_CANCEL_NO_TARGET && self->drag_slot != NULL)
    {
      g_autofree char *slot = g_steal_pointer (&self->drag_slot);

      cord_physical_page_remove (self, slot);
    }
  return FALSE;
}

static void
on_panel_drag_end (GtkDragSource    *source,
                   GdkDrag          *drag,
                   gboolean          delete_data,
                   CordPhysicalPage *self)
{
  g_clear_pointer (&self->drag_slot, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

/* Whether @module would go into @slot now. */
static gboolean
would_accept (CordPhysicalPage *self,
              const char       *slot,
              const char       *module)
{
  const CordModuleSpec *spec = cord_catalog_lookup_module (cord_topology_get_catalog (self->topology),
                                                           module);
  g_autoptr(GPtrArray) slots = NULL;

  if (self->device == NULL || spec == NULL || self->device->powered ||
      cord_device_get_module (self->device, slot) != NULL)
    return FALSE;
  slots = cord_device_list_slots (self->device);
  for (guint i = 0; i < slots->len; i++)
    if (strcmp (((CordSlotSpec *) slots->pdata[i])->id, slot) == 0)
      return cord_slot_accepts (slots->pdata[i], spec);
  return FALSE;
}

static void
set_drop_slot (CordPhysicalPage *self,
               const char       *slot,
               gboolean          ok)
{
  if (g_strcmp0 (slot, self->drop_slot) == 0 && ok == self->drop_ok)
    return;
  g_free (self->drop_slot);
  self->drop_slot = g_strdup (slot);
  self->drop_ok = ok;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

GdkDragAction
_cord_physical_page_drag_motion (CordPhysicalPage *self,
                                 const char       *payload,
                                 double            x,
                                 double            y)
{
  const char *module, *slot;

  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), 0);

  if (payload_slot (self, payload) != NULL)
    {
      /* A module dragged out and back: let go, it stays. */
      set_drop_slot (self, NULL, FALSE);
      return GDK_ACTION_MOVE;
    }
  module = payload_module (payload);
  slot = module != NULL ? _cord_physical_page_slot_at (self, x, y, FALSE) : NULL;
  /* Every slot takes the drop, so that a refusal can say why. */
  set_drop_slot (self, slot, slot != NULL && would_accept (self, slot, module));
  return slot != NULL ? GDK_ACTION_COPY : 0;
}

const char *
_cord_physical_page_get_drop_slot (CordPhysicalPage *self,
                                   gboolean         *ok)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), NULL);

  if (ok != NULL)
    *ok = self->drop_ok;
  return self->drop_slot;
}

static GdkDragAction
on_panel_drop_motion (GtkDropTarget    *target,
                      double            x,
                      double            y,
                      CordPhysicalPage *self)
{
  const GValue *value = gtk_drop_target_get_value (target);

  /* Until the string has arrived, accept: the type filtered the offer. */
  if (value == NULL)
    return GDK_ACTION_COPY;
  return _cord_physical_page_drag_motion (self, G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value)
                                                                             : NULL, x, y);
}

static void
on_panel_drop_leave (GtkDropTarget    *target,
                     CordPhysicalPage *self)
{
  set_drop_slot (self, NULL, FALSE);
}

gboolean
_cord_physical_page_drop (CordPhysicalPage *self,
                          const char       *payload,
                          double            x,
                          double            y)
{
  const char *module = payload_module (payload);
  const char *slot;

  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), FALSE);

  set_drop_slot (self, NULL, FALSE);
  if (payload_slot (self, payload) != NULL)
    return TRUE;
  if (module == NULL || (slot = _cord_physical_page_slot_at (self, x, y, FALSE)) == NULL)
    return FALSE;
  return cord_physical_page_insert (self, slot, module);
}

static gboolean
on_panel_drop (GtkDropTarget    *target,
               const GValue     *value,
               double            x,
               double            y,
               CordPhysicalPage *self)
{
  return _cord_physical_page_drop (self, g_value_get_string (value), x, y);
}

/* The list takes back a module dragged out of the panel. */
static GdkDragAction
on_list_drop_motion (GtkDropTarget    *target,
                     double            x,
                     double            y,
                     CordPhysicalPage *self)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (value == NULL)
    return GDK_ACTION_MOVE;
  return G_VALUE_HOLDS_STRING (value) && payload_slot (self, g_value_get_string (value)) != NULL
           ? GDK_ACTION_MOVE : 0;
}

static gboolean
on_list_drop (GtkDropTarget    *target,
              const GValue     *value,
              double            x,
              double            y,
              CordPhysicalPage *self)
{
  const char *slot = payload_slot (self, g_value_get_string (value));

  return slot != NULL && cord_physical_page_remove (self, slot);
}

static GdkContentProvider *
on_row_drag_prepare (GtkDragSource    *source,
                     double            x,
                     double            y,
                     CordPhysicalPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autofree char *payload = _cord_physical_page_module_payload (
    _cord_physical_page_row_module (GTK_LIST_BOX_ROW (row)));

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_row_drag_begin (GtkDragSource    *source,
                   GdkDrag          *drag,
                   CordPhysicalPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  const CordModuleSpec *spec =
    cord_catalog_lookup_module (cord_topology_get_catalog (self->topology),
                                _cord_physical_page_row_module (GTK_LIST_BOX_ROW (row)));

  gtk_list_box_select_row (self->module_list, GTK_LIST_BOX_ROW (row));
  if (spec != NULL)
    set_drag_icon (self, source, spec);
}

void
_cord_physical_page_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "physical.insert", NULL, action_insert);
  gtk_widget_class_install_action (widget_class, "physical.remove", NULL, action_remove);
  gtk_widget_class_install_action (widget_class, "physical.power", NULL, action_power);
}

void
_cord_physical_page_init_input (CordPhysicalPage *self)
{
  GtkGesture *click;
  GtkEventController *keys;
  GtkDragSource *drag;
  GtkDropTarget *drop;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), keys);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_panel_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_panel_drag_begin), self);
  g_signal_connect (drag, "drag-cancel", G_CALLBACK (on_panel_drag_cancel), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_panel_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "motion", G_CALLBACK (on_panel_drop_motion), self);
  g_signal_connect (drop, "enter", G_CALLBACK (on_panel_drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_panel_drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_panel_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (drop));

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "motion", G_CALLBACK (on_list_drop_motion), self);
  g_signal_connect (drop, "enter", G_CALLBACK (on_list_drop_motion), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_list_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->module_list), GTK_EVENT_CONTROLLER (drop));
}

void
_cord_physical_page_add_row_drag (CordPhysicalPage *self,
                                  GtkWidget        *row)
{
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_row_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_row_drag_begin), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordPhysicalPage: a device's Physical tab, with the modules that fit, its zoomable panel, its power switch and its module slots. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cord-gui-resources.h"

#include "cord-error.h"
#include "cord-physical-page-private.h"

#define MARGIN        16.0   /* round the panel, in logical pixels */
#define MIN_ZOOM       0.25
#define MAX_ZOOM       6.0
#define MAX_FIT_ZOOM   3.0
#define ZOOM_STEP      1.25
#define PICTURE_W     84
#define PICTURE_H     30

struct _CordPhysicalPage
{
  GtkWidget          parent_instance;

  /* Template widgets. */
  GtkWidget         *paned;
  GtkListBox        *module_list;
  GtkLabel          *description;
  GtkRevealer       *banner;
  GtkLabel          *banner_label;
  GtkLabel          *hint;
  GtkScrolledWindow *scroller;
  GtkDrawingArea    *area;

  CordDocument      *document;
  CordTopology      *topology;
  CordDevice        *device;         /* NULL once it has gone */
  gulong             handlers[7];
  gulong             document_handler;

  CordRenderPanel   *panel;
  gboolean           panel_stale;    /* ports came or went: lay out again */
  gboolean           fit;            /* the zoom follows the page's size */
  double             zoom;           /* when not fitting */
  char              *selected;       /* the slot with the selection ring */
  gboolean           power_selected;
  gboolean           power_pressed;
  char              *drop_slot;      /* under a dragged module */
  gboolean           drop_ok;
  char              *drag_slot;      /* whose module is being dragged out */
  GtkWidget         *menu;           /* a slot's context menu */
  guint              n_draws;
};

G_DEFINE_FINAL_TYPE (CordPhysicalPage, cord_physical_page, GTK_TYPE_WIDGET)

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
/* The panel and the view                                                  */
/* ---------------------------------------------------------------------- */

static CordRenderPanel *
get_panel (CordPhysicalPage *self)
{
  if (self->device == NULL)
    return NULL;
  if (self->panel == NULL || self->panel_stale)
    {
      g_clear_pointer (&self->panel, cord_render_panel_free);
      self->panel = cord_render_panel_new (self->device);
      self->panel_stale = FALSE;
      /* A module's bay goes with its module. */
      if (self->selected != NULL && cord_render_panel_find_slot (self->panel, self->selected) == NULL)
        g_clear_pointer (&self->selected, g_free);
    }
  return self->panel;
}

/* The zoom and the widget point of the panel's top-left corner. */
static void
get_view (CordPhysicalPage *self,
          double           *zoom,
          double           *ox,
          double           *oy)
{
  CordRenderPanel *panel = get_panel (self);
  double w = gtk_widget_get_width (GTK_WIDGET (self->area));
  double h = gtk_widget_get_height (GTK_WIDGET (self->area));
  double pw = 1, ph = 1, z = self->zoom;

  if (panel != NULL)
    cord_render_panel_get_size (panel, &pw, &ph);
  if (self->fit)
    z = w > 2 * MARGIN && h > 2 * MARGIN
          ? CLAMP (MIN ((w - 2 * MARGIN) / pw, (h - 2 * MARGIN) / ph), MIN_ZOOM, MAX_FIT_ZOOM)
          : 1.0;
  *zoom = z;
  *ox = MAX (MARGIN, (w - pw * z) / 2);
  *oy = MAX (MARGIN, (h - ph * z) / 2);
}

static void
widget_to_panel (CordPhysicalPage *self,
                 double            wx,
                 double            wy,
                 double           *px,
                 double           *py)
{
  double z, ox, oy;

  get_view (self, &z, &ox, &oy);
  *px = (wx - ox) / z;
  *py = (wy - oy) / z;
}

static void
panel_to_widget (CordPhysicalPage      *self,
                 const graphene_rect_t *r,
                 GdkRectangle          *out)
{
  double z, ox, oy;

  get_view (self, &z, &ox, &oy);
  out->x = (int) (ox + r->origin.x * z);
  out->y = (int) (oy + r->origin.y * z);
  out->width = MAX (1, (int) (r->size.width * z));
  out->height = MAX (1, (int) (r->size.height * z));
}

/* In manual zoom the area asks for the zoomed panel and scrolls; in fit
 * mode it takes what it gets. */
static void
update_content_size (CordPhysicalPage *self)
{
  CordRenderPanel *panel = get_panel (self);
  double pw = 0, ph = 0;

  if (panel != NULL && !self->fit)
    cord_render_panel_get_size (panel, &pw, &ph);
  gtk_drawing_area_set_content_width (self->area, self->fit ? 0 : (int) (pw * self->zoom + 2 * MARGIN));
  gtk_drawing_area_set_content_height (self->area, self->fit ? 0 : (int) (ph * self->zoom + 2 * MARGIN));
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static const CordPanelHit *
hit_at (CordPhysicalPage *self,
        double            x,
        double            y)
{
  CordRenderPanel *panel = get_panel (self);
  double px, py;

  if (panel == NULL)
    return NULL;
  widget_to_panel (self, x, y, &px, &py);
  return cord_render_panel_hit_test (panel, px, py);
}

/* The innermost slot under @x, @y; with @occupied, the innermost one
 * that holds a module. */
static const char *
slot_at (CordPhysicalPage *self,
         double            x,
         double            y,
         gboolean          occupied)
{
  CordRenderPanel *panel = get_panel (self);
  const char *slot = NULL;
  double px, py;

  if (panel == NULL)
    return NULL;
  widget_to_panel (self, x, y, &px, &py);
  for (guint i = 0; i < cord_render_panel_get_n_hits (panel); i++)
    {
      const CordPanelHit *hit = cord_render_panel_get_hit (panel, i);

      if (hit->kind == CORD_PANEL_HIT_SLOT &&
          graphene_rect_contains_point (&hit->rect, &GRAPHENE_POINT_INIT ((float) px, (float) py)) &&
          (!occupied || cord_device_get_module (self->device, hit->id) != NULL))
        slot = hit->id;
    }
  return slot;
}

static void
draw_area (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  CordPhysicalPage *self = data;
  CordRenderPanel *panel = get_panel (self);
  CordPanelMarks marks = { 0 };
  double z, ox, oy;

  self->n_draws++;
  if (panel == NULL)
    return;
  get_view (self, &z, &ox, &oy);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, z, z);
  marks.selected = self->selected;
  marks.power_selected = self->power_selected;
  marks.drop_slot = self->drop_slot;
  marks.drop_ok = self->drop_ok;
  marks.lifted = self->drag_slot;
  cord_render_panel_draw (panel, cr, &marks);
}

static void
set_zoom (CordPhysicalPage *self,
          gboolean          fit,
          double            zoom)
{
  self->fit = fit;
  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  update_content_size (self);
}

static void
on_zoom_in (CordPhysicalPage *self)
{
  double z, ox, oy;

  get_view (self, &z, &ox, &oy);
  set_zoom (self, FALSE, z * ZOOM_STEP);
}

static void
on_zoom_out (CordPhysicalPage *self)
{
  double z, ox, oy;

  get_view (self, &z, &ox, &oy);
  set_zoom (self, FALSE, z / ZOOM_STEP);
}

static void
on_zoom_fit (CordPhysicalPage *self)
{
  set_zoom (self, TRUE, self->zoom);
}

/* ---------------------------------------------------------------------- */
/* Messages                                                                */
/* ---------------------------------------------------------------------- */

static void
show_message (CordPhysicalPage *self,
              const char       *text)
{
  gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner, TRUE);
}

static void
on_banner_dismiss (CordPhysicalPage *self)
{
  gtk_revealer_set_reveal_child (self->banner, FALSE);
}

const char *
cord_physical_page_get_message (CordPhysicalPage *self)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), NULL);

  return gtk_revealer_get_reveal_child (self->banner) ? gtk_label_get_text (self->banner_label) : NULL;
}

static void
update_hint (CordPhysicalPage *self)
{
  if (self->device == NULL)
    gtk_label_set_text (self->hint, "");
  else if (self->device->powered)
    gtk_label_set_text (self->hint, _("Powered on: switch it off to change modules"));
  else
    gtk_label_set_text (self->hint, _("Powered off: drag modules into empty slots, or out to remove them"));
}

/* Where a module that did not fit @slot would go instead. */
static char *
refusal_hint (CordPhysicalPage *self,
              const char       *slot,
              const char       *module)
{
  const CordModuleSpec *spec = cord_catalog_lookup_module (cord_topology_get_catalog (self->topology),
                                                           module);
  g_autoptr(GPtrArray) slots = cord_device_list_slots (self->device);
  const char *free_slot = NULL;
  gboolean any = FALSE;

  if (spec == NULL || cord_device_get_module (self->device, slot) != NULL)
    return NULL;
  for (guint i = 0; i < slots->len; i++)
    {
      const CordSlotSpec *s = slots->pdata[i];

      if (!cord_slot_accepts (s, spec))
        continue;
      any = TRUE;
      if (free_slot == NULL && cord_device_get_module (self->device, s->id) == NULL)
        free_slot = s->id;
    }
  if (free_slot != NULL)
    return g_strdup_printf (_("Drop it on slot %s instead."), free_slot);
  if (any)
    return g_strdup_printf (_("Every slot that takes a %s holds a module: remove one first."),
                            spec->name);
  return g_strdup_printf (_("No slot of this %s takes a %s: pick another module."),
                          self->device->model->name, spec->name);
}

/* ---------------------------------------------------------------------- */
/* Edits                                                                   */
/* ---------------------------------------------------------------------- */

static void
select_slot (CordPhysicalPage *self,
             const char       *slot)
{
  if (g_strcmp0 (slot, self->selected) != 0)
    {
      g_free (self->selected);
      self->selected = g_strdup (slot);
    }
  self->power_selected = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
select_power (CordPhysicalPage *self)
{
  g_clear_pointer (&self->selected, g_free);
  self->power_selected = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

gboolean
cord_physical_page_insert (CordPhysicalPage *self,
                           const char       *slot_id,
                           const char       *module)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = NULL;

  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), FALSE);
  g_return_val_if_fail (slot_id != NULL, FALSE);
  g_return_val_if_fail (module != NULL, FALSE);

  if (self->device == NULL)
    return FALSE;
  /* @slot_id may live in the panel, which the edit lays out anew. */
  slot = g_strdup (slot_id);
  if (!cord_topology_insert_module (self->topology, self->device, slot, module, &error))
    {
      g_autofree char *hint = NULL;
      g_autofree char *text = NULL;

      /* The topology says what is wrong; where a module does not fit, the
       * page adds where it would. */
      if (g_error_matches (error, CORD_ERROR, CORD_ERROR_SLOT))
        hint = refusal_hint (self, slot, module);
      text = hint != NULL ? g_strconcat (error->message, " ", hint, NULL) : g_strdup (error->message);
      show_message (self, text);
      return FALSE;
    }
  on_banner_dismiss (self);
  select_slot (self, slot);
  return TRUE;
}

gboolean
cord_physical_page_remove (CordPhysicalPage *self,
                           const char       *slot_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = NULL;

  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), FALSE);
  g_return_val_if_fail (slot_id != NULL, FALSE);

  if (self->device == NULL)
    return FALSE;
  slot = g_strdup (slot_id);
  if (!cord_topology_remove_module (self->topology, self->device, slot, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  on_banner_dismiss (self);
  return TRUE;
}

void
cord_physical_page_toggle_power (CordPhysicalPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CORD_IS_PHYSICAL_PAGE (self));

  if (self->device == NULL)
    return;
  if (!cord_topology_set_power (self->topology, self->device, !self->device->powered, &error))
    show_message (self, error->message);
  else
    on_banner_dismiss (self);
}

static const char *
selected_module (CordPhysicalPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->module_list);

  return row != NULL ? _cord_physical_page_row_module (row) : NULL;
}

/* Puts @module where the keyboard says: into the selected slot, or into
 * the first empty slot that takes it. */
static void
insert_module (CordPhysicalPage *self,
               const char       *module)
{
  const CordModuleSpec *spec;
  const char *slot = self->selected;

  if (self->device == NULL || module == NULL)
    return;
  spec = cord_catalog_lookup_module (cord_topology_get_catalog (self->topology), module);
  if (slot == NULL && spec != NULL)
    {
      g_autoptr(GPtrArray) slots = cord_device_list_slots (self->device);

      for (guint i = 0; i < slots->len && slot == NULL; i++)
        {
          const CordSlotSpec *s = slots->pdata[i];

          if (cord_slot_accepts (s, spec) && cord_device_get_module (self->device, s->id) == NULL)
            slot = s->id;
        }
    }
  if (slot == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("No empty slot of this %s takes a %s: remove a "
                                                 "module first, or pick another one."),
                                               self->device->model->name, module);

      show_message (self, text);
      return;
    }
  cord_physical_page_insert (self, slot, module);
}

/* ---------------------------------------------------------------------- */
/* Following the topology                                                  */
/* ---------------------------------------------------------------------- */

static void
relayout (CordPhysicalPage *self)
{
  self->panel_stale = TRUE;
  update_content_size (self);
}

static void
on_device_changed (CordTopology     *topology,
                   CordDevice       *device,
                   guint             what,
                   CordPhysicalPage *self)
{
  if (device != self->device)
    return;
  if ((what & CORD_DEVICE_CHANGED_MODULES) != 0)
    relayout (self);
  if ((what & (CORD_DEVICE_CHANGED_POWER | CORD_DEVICE_CHANGED_MODULES)) != 0)
    update_hint (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
on_port_changed (CordTopology     *topology,
                 CordPort         *port,
                 CordPhysicalPage *self)
{
  /* "port-removed" comes while the port is still there: lay out later. */
  if (port->device == self->device)
    {
      self->panel_stale = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self->area));
    }
}

static void
on_link_changed (CordTopology     *topology,
                 CordLink         *link,
                 CordPhysicalPage *self)
{
  if (link->ends[0]->device == self->device || link->ends[1]->device == self->device)
    gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
forget_device (CordPhysicalPage *self)
{
  if (self->topology != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
      g_clear_signal_handler (&self->handlers[i], self->topology);
  g_clear_pointer (&self->panel, cord_render_panel_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->drop_slot, g_free);
  g_clear_pointer (&self->drag_slot, g_free);
  self->device = NULL;
  if (self->area != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
on_device_removed (CordTopology     *topology,
                   CordDevice       *device,
                   CordPhysicalPage *self)
{
  if (device == self->device)
    forget_device (self);
}

static void
on_topology_replaced (CordPhysicalPage *self)
{
  forget_device (self);
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
                                 has_slot && !occupied && selected_module (self) != NULL);
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
  else if (self->selected != NULL && selected_module (self) != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Insert %s"), selected_module (self));

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
  panel_to_widget (self, at, &rect);
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
  CordRenderPanel *panel = get_panel (self);
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

  if (self->selected != NULL && selected_module (self) != NULL)
    cord_physical_page_insert (self, self->selected, selected_module (self));
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
  const CordPanelHit *hit = hit_at (self, x, y);
  const char *slot = slot_at (self, x, y, FALSE);

  g_return_if_fail (CORD_IS_PHYSICAL_PAGE (self));

  if (hit != NULL && hit->kind == CORD_PANEL_HIT_POWER)
    {
      select_power (self);
      cord_physical_page_toggle_power (self);
    }
  else if (slot != NULL)
    {
      select_slot (self, slot);
      /* A double click on an empty slot puts the chosen module in. */
      if (n_press == 2 && self->device != NULL && cord_device_get_module (self->device, slot) == NULL &&
          selected_module (self) != NULL)
        cord_physical_page_insert (self, slot, selected_module (self));
    }
  else
    {
      select_slot (self, NULL);
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
  const CordPanelHit *hit = hit_at (self, x, y);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  if (button == GDK_BUTTON_SECONDARY)
    {
      const char *slot = slot_at (self, x, y, FALSE);
      CordRenderPanel *panel = get_panel (self);

      if (slot != NULL)
        select_slot (self, slot);
      else if (hit != NULL && hit->kind == CORD_PANEL_HIT_POWER)
        select_power (self);
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
  const CordPanelHit *hit = hit_at (self, x, y);

  if (self->power_pressed && hit != NULL && hit->kind == CORD_PANEL_HIT_POWER)
    _cord_physical_page_click (self, x, y, n_press);
  self->power_pressed = FALSE;
}

/* Moves the selection ring along the slots and the power switch. */
static void
move_selection (CordPhysicalPage *self,
                int               step)
{
  CordRenderPanel *panel = get_panel (self);
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
    select_power (self);
  else
    select_slot (self, ((CordPanelHit *) targets->pdata[current])->id);
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
          if (selected_module (self) != NULL)
            cord_physical_page_insert (self, self->selected, selected_module (self));
          else
            show_message (self, _("Pick a module in the list first, then press Enter on the slot."));
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
      on_zoom_in (self);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      on_zoom_out (self);
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
  const CordPanelHit *hit = hit_at (self, x, y);
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
  panel_to_widget (self, &hit->rect, &area);
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
  g_autoptr(GdkTexture) texture = module_texture (module, 2 * PICTURE_W, 2 * PICTURE_H, scale);

  gtk_drag_source_set_icon (source, GDK_PAINTABLE (texture), PICTURE_W, PICTURE_H);
}

static GdkContentProvider *
on_panel_drag_prepare (GtkDragSource    *source,
                       double            x,
                       double            y,
                       CordPhysicalPage *self)
{
  const char *slot = slot_at (self, x, y, TRUE);
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
  select_slot (self, self->drag_slot);
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
  slot = module != NULL ? slot_at (self, x, y, FALSE) : NULL;
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
  if (module == NULL || (slot = slot_at (self, x, y, FALSE)) == NULL)
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

/* ---------------------------------------------------------------------- */
/* The module list                                                         */
/* ---------------------------------------------------------------------- */

const char *
_cord_physical_page_row_module (GtkListBoxRow *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "cord-module");
}

static void
draw_picture (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  cord_render_module_picture (cr, data, width, height);
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

static GtkWidget *
module_row (CordPhysicalPage     *self,
            const CordModuleSpec *module)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *picture = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (module->name);
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (picture), PICTURE_W);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (picture), PICTURE_H);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (picture), draw_picture, (gpointer) module, NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, module->description);
  g_object_set_data (G_OBJECT (row), "cord-module", (gpointer) module->name);

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_row_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_row_drag_begin), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  return row;
}

static gboolean
fits_any (const CordSlotSpec   *slots,
          guint                 n_slots,
          const CordModuleSpec *module)
{
  for (guint s = 0; s < n_slots; s++)
    if (cord_slot_accepts (&slots[s], module))
      return TRUE;
  return FALSE;
}

/* Every module that fits a slot of the model, or a bay of a module that
 * does. */
static void
fill_module_list (CordPhysicalPage *self)
{
  CordCatalog *catalog = cord_topology_get_catalog (self->topology);
  const CordModelSpec *model = self->device->model;
  guint n = cord_catalog_get_n_modules (catalog);
  g_autofree gboolean *fits = g_new0 (gboolean, n);

  for (guint m = 0; m < n; m++)
    fits[m] = fits_any (model->slots, model->n_slots, cord_catalog_get_module (catalog, m));
  for (guint m = 0; m < n; m++)
    {
      const CordModuleSpec *host = cord_catalog_get_module (catalog, m);

      if (!fits[m] || host->n_slots == 0)
        continue;
      for (guint k = 0; k < n; k++)
        fits[k] = fits[k] || fits_any (host->slots, host->n_slots, cord_catalog_get_module (catalog, k));
    }
  for (guint m = 0; m < n; m++)
    if (fits[m])
      gtk_list_box_append (self->module_list, module_row (self, cord_catalog_get_module (catalog, m)));
}

static void
on_module_selected (CordPhysicalPage *self,
                    GtkListBoxRow    *row)
{
  const CordModuleSpec *spec = NULL;

  /* The list lets go of its rows as the page is disposed. */
  if (self->description == NULL)
    return;
  if (row != NULL && self->topology != NULL)
    spec = cord_catalog_lookup_module (cord_topology_get_catalog (self->topology),
                                       _cord_physical_page_row_module (row));
  if (spec != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s", spec->name,
                                                         spec->description ? spec->description : "");

      gtk_label_set_markup (self->description, markup);
    }
  else
    gtk_label_set_text (self->description,
                        _("Pick a module to read what it is. Drag it onto an empty slot of the "
                          "panel to install it."));
}

static void
on_module_activated (CordPhysicalPage *self,
                     GtkListBoxRow    *row)
{
  insert_module (self, _cord_physical_page_row_module (row));
}

/* ---------------------------------------------------------------------- */
/* Test hooks                                                              */
/* ---------------------------------------------------------------------- */

CordRenderPanel *
_cord_physical_page_get_panel (CordPhysicalPage *self)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), NULL);
  return get_panel (self);
}

guint
_cord_physical_page_get_n_draws (CordPhysicalPage *self)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), 0);
  return self->n_draws;
}

GtkListBox *
_cord_physical_page_get_list (CordPhysicalPage *self)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), NULL);
  return self->module_list;
}

GtkWidget *
_cord_physical_page_get_area (CordPhysicalPage *self)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), NULL);
  return GTK_WIDGET (self->area);
}

GtkLabel *
_cord_physical_page_get_banner_label (CordPhysicalPage *self)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), NULL);
  return self->banner_label;
}

GtkLabel *
_cord_physical_page_get_description (CordPhysicalPage *self)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), NULL);
  return self->description;
}

const char *
_cord_physical_page_get_selected (CordPhysicalPage *self)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), NULL);
  return self->selected;
}

void
_cord_physical_page_to_widget (CordPhysicalPage *self,
                               double            px,
                               double            py,
                               double           *x,
                               double           *y)
{
  double z, ox, oy;

  g_return_if_fail (CORD_IS_PHYSICAL_PAGE (self));

  get_view (self, &z, &ox, &oy);
  *x = ox + px * z;
  *y = oy + py * z;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                 */
/* ---------------------------------------------------------------------- */

static void
cord_physical_page_dispose (GObject *object)
{
  CordPhysicalPage *self = CORD_PHYSICAL_PAGE (object);

  forget_device (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_handler, self->document);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CORD_TYPE_PHYSICAL_PAGE);
  self->area = NULL;
  g_clear_object (&self->topology);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cord_physical_page_parent_class)->dispose (object);
}

static void
cord_physical_page_class_init (CordPhysicalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cord_physical_page_dispose;

  (void) cord_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/patchcord/Patchcord/ui/cord-physical-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CordPhysicalPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CordPhysicalPage, module_list);
  gtk_widget_class_bind_template_child (widget_class, CordPhysicalPage, description);
  gtk_widget_class_bind_template_child (widget_class, CordPhysicalPage, banner);
  gtk_widget_class_bind_template_child (widget_class, CordPhysicalPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CordPhysicalPage, hint);
  gtk_widget_class_bind_template_child (widget_class, CordPhysicalPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CordPhysicalPage, area);
  gtk_widget_class_bind_template_callback (widget_class, on_module_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_module_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_dismiss);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_in);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_out);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_fit);
  gtk_widget_class_install_action (widget_class, "physical.insert", NULL, action_insert);
  gtk_widget_class_install_action (widget_class, "physical.remove", NULL, action_remove);
  gtk_widget_class_install_action (widget_class, "physical.power", NULL, action_power);
  gtk_widget_class_set_css_name (widget_class, "cordphysicalpage");
}

static void
cord_physical_page_init (CordPhysicalPage *self)
{
  GtkGesture *click;
  GtkEventController *keys;
  GtkDragSource *drag;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->fit = TRUE;
  self->zoom = 1.0;
  gtk_drawing_area_set_draw_func (self->area, draw_area, self, NULL);

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

  on_module_selected (self, NULL);
}

GtkWidget *
cord_physical_page_new (CordDocument *document,
                        CordDevice   *device)
{
  CordPhysicalPage *self;

  g_return_val_if_fail (CORD_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (device->topology == cord_document_get_topology (document), NULL);

  self = g_object_new (CORD_TYPE_PHYSICAL_PAGE, NULL);
  self->document = g_object_ref (document);
  self->topology = g_object_ref (device->topology);
  self->device = device;
  self->handlers[0] = g_signal_connect (self->topology, "device-changed",
                                        G_CALLBACK (on_device_changed), self);
  self->handlers[1] = g_signal_connect (self->topology, "port-added",
                                        G_CALLBACK (on_port_changed), self);
  self->handlers[2] = g_signal_connect (self->topology, "port-removed",
                                        G_CALLBACK (on_port_changed), self);
  self->handlers[3] = g_signal_connect (self->topology, "link-added",
                                        G_CALLBACK (on_link_changed), self);
  self->handlers[4] = g_signal_connect (self->topology, "link-removed",
                                        G_CALLBACK (on_link_changed), self);
  self->handlers[5] = g_signal_connect (self->topology, "link-changed",
                                        G_CALLBACK (on_link_changed), self);
  self->handlers[6] = g_signal_connect (self->topology, "device-removed",
                                        G_CALLBACK (on_device_removed), self);
  self->document_handler = g_signal_connect_swapped (document, "notify::topology",
                                                     G_CALLBACK (on_topology_replaced), self);
  fill_module_list (self);
  update_hint (self);
  update_content_size (self);
  return GTK_WIDGET (self);
}

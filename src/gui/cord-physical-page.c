/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordPhysicalPage: a device's Physical tab: the modules that fit, the zoomable panel, messages, the edits and following the topology. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cord-gui-resources.h"

#include "cord-error.h"
#include "cord-physical-page-private.h"
#include "cord-test-geometry.h"

G_DEFINE_FINAL_TYPE (CordPhysicalPage, cord_physical_page, GTK_TYPE_WIDGET)

/* ---------------------------------------------------------------------- */
/* The panel and the view                                                  */
/* ---------------------------------------------------------------------- */

CordRenderPanel *
_cord_physical_page_get_panel (CordPhysicalPage *self)
{
  g_return_val_if_fail (CORD_IS_PHYSICAL_PAGE (self), NULL);

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
void
_cord_physical_page_view (CordPhysicalPage *self,
          double           *zoom,
          double           *ox,
          double           *oy)
{
  CordRenderPanel *panel = _cord_physical_page_get_panel (self);
  double w = gtk_widget_get_width (GTK_WIDGET (self->area));
  double h = gtk_widget_get_height (GTK_WIDGET (self->area));
  double pw = 1, ph = 1, z = self->zoom;

  if (panel != NULL)
    cord_render_panel_get_size (panel, &pw, &ph);
  if (self->fit)
    z = w > 2 * PHYSICAL_MARGIN && h > 2 * PHYSICAL_MARGIN
          ? CLAMP (MIN ((w - 2 * PHYSICAL_MARGIN) / pw, (h - 2 * PHYSICAL_MARGIN) / ph), PHYSICAL_MIN_ZOOM, PHYSICAL_MAX_FIT_ZOOM)
          : 1.0;
  *zoom = z;
  *ox = MAX (PHYSICAL_MARGIN, (w - pw * z) / 2);
  *oy = MAX (PHYSICAL_MARGIN, (h - ph * z) / 2);
}

void
_cord_physical_page_to_panel (CordPhysicalPage *self,
                 double            wx,
                 double            wy,
                 double           *px,
                 double           *py)
{
  double z, ox, oy;

  _cord_physical_page_view (self, &z, &ox, &oy);
  *px = (wx - ox) / z;
  *py = (wy - oy) / z;
}

void
_cord_physical_page_rect_to_widget (CordPhysicalPage      *self,
                 const graphene_rect_t *r,
                 GdkRectangle          *out)
{
  double z, ox, oy;

  _cord_physical_page_view (self, &z, &ox, &oy);
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
  CordRenderPanel *panel = _cord_physical_page_get_panel (self);
  double pw = 0, ph = 0;

  if (panel != NULL && !self->fit)
    cord_render_panel_get_size (panel, &pw, &ph);
  gtk_drawing_area_set_content_width (self->area, self->fit ? 0 : (int) (pw * self->zoom + 2 * PHYSICAL_MARGIN));
  gtk_drawing_area_set_content_height (self->area, self->fit ? 0 : (int) (ph * self->zoom + 2 * PHYSICAL_MARGIN));
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

const CordPanelHit *
_cord_physical_page_hit_at (CordPhysicalPage *self,
        double            x,
        double            y)
{
  CordRenderPanel *panel = _cord_physical_page_get_panel (self);
  double px, py;

  if (panel == NULL)
    return NULL;
  _cord_physical_page_to_panel (self, x, y, &px, &py);
  return cord_render_panel_hit_test (panel, px, py);
}

/* The innermost slot under @x, @y; with @occupied, the innermost one
 * that holds a module. */
const char *
_cord_physical_page_slot_at (CordPhysicalPage *self,
         double            x,
         double            y,
         gboolean          occupied)
{
  CordRenderPanel *panel = _cord_physical_page_get_panel (self);
  const char *slot = NULL;
  double px, py;

  if (panel == NULL)
    return NULL;
  _cord_physical_page_to_panel (self, x, y, &px, &py);
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
  CordRenderPanel *panel = _cord_physical_page_get_panel (self);
  CordPanelMarks marks = { 0 };
  double z, ox, oy;

  self->n_draws++;
  if (panel == NULL)
    return;
  _cord_physical_page_view (self, &z, &ox, &oy);
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
  self->zoom = CLAMP (zoom, PHYSICAL_MIN_ZOOM, PHYSICAL_MAX_ZOOM);
  update_content_size (self);
}

void
_cord_physical_page_zoom_by (CordPhysicalPage *self,
                             double            factor)
{
  double z, ox, oy;

  _cord_physical_page_view (self, &z, &ox, &oy);
  set_zoom (self, FALSE, z * factor);
}

static void
on_zoom_in (CordPhysicalPage *self)
{
  _cord_physical_page_zoom_by (self, PHYSICAL_ZOOM_STEP);
}

static void
on_zoom_out (CordPhysicalPage *self)
{
  _cord_physical_page_zoom_by (self, 1 / PHYSICAL_ZOOM_STEP);
}

static void
on_zoom_fit (CordPhysicalPage *self)
{
  set_zoom (self, TRUE, self->zoom);
}

/* ---------------------------------------------------------------------- */
/* Messages                                                                */
/* ---------------------------------------------------------------------- */

void
_cord_physical_page_show_message (CordPhysicalPage *self,
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

void
_cord_physical_page_select_slot (CordPhysicalPage *self,
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

void
_cord_physical_page_select_power (CordPhysicalPage *self)
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
      _cord_physical_page_show_message (self, text);
      return FALSE;
    }
  on_banner_dismiss (self);
  _cord_physical_page_select_slot (self, slot);
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
      _cord_physical_page_show_message (self, error->message);
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
    _cord_physical_page_show_message (self, error->message);
  else
    on_banner_dismiss (self);
}

const char *
_cord_physical_page_selected_module (CordPhysicalPage *self)
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

      _cord_physical_page_show_message (self, text);
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

static GtkWidget *
module_row (CordPhysicalPage     *self,
            const CordModuleSpec *module)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *picture = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (module->name);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (picture), PHYSICAL_PICTURE_W);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (picture), PHYSICAL_PICTURE_H);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (picture), draw_picture, (gpointer) module, NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Long names (PT-HOST-NM-1CFE) break after a hyphen, never cut off. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, module->description);
  g_object_set_data (G_OBJECT (row), "cord-module", (gpointer) module->name);
  {
    g_autofree char *id = g_strconcat ("module:", module->name, NULL);

    cord_geometry_tag (row, id);
  }
  _cord_physical_page_add_row_drag (self, row);
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
  if (model->n_slots == 0)
    {
      GtkWidget *none = gtk_label_new (_("This model has no module slots: its ports are built in."));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (none), 20);
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_start (none, 12);
      gtk_widget_set_margin_end (none, 12);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_list_box_set_placeholder (self->module_list, none);
    }
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
  /* A model without slots has nothing to pick: the list says so. */
  gtk_widget_set_visible (GTK_WIDGET (self->description),
                          self->device == NULL || self->device->model->n_slots > 0);
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

  _cord_physical_page_view (self, &z, &ox, &oy);
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
  _cord_physical_page_class_init_input (widget_class);
  gtk_widget_class_set_css_name (widget_class, "cordphysicalpage");
}

/* For the test hook: the panel's slots and power switch, where they are
 * drawn now. */
static void
describe_panel (GtkWidget           *area,
                CordGeometryAddFunc  add,
                gpointer             add_data)
{
  CordPhysicalPage *self = CORD_PHYSICAL_PAGE (gtk_widget_get_ancestor (area, CORD_TYPE_PHYSICAL_PAGE));
  CordRenderPanel *panel = self != NULL ? _cord_physical_page_get_panel (self) : NULL;
  double z, ox, oy;

  g_assert (GTK_IS_DRAWING_AREA (area));

  if (panel == NULL)
    return;
  _cord_physical_page_view (self, &z, &ox, &oy);
  for (guint i = 0; i < cord_render_panel_get_n_hits (panel); i++)
    {
      const CordPanelHit *hit = cord_render_panel_get_hit (panel, i);
      double x = ox + z * (hit->rect.origin.x + hit->rect.size.width / 2);
      double y = oy + z * (hit->rect.origin.y + hit->rect.size.height / 2);
      g_autofree char *id = NULL;

      if (hit->kind == CORD_PANEL_HIT_SLOT)
        id = g_strconcat ("slot:", hit->id, NULL);
      else if (hit->kind == CORD_PANEL_HIT_POWER)
        id = g_strdup ("power");
      if (id != NULL)
        add (add_data, area, x, y, id);
    }
}

static void
cord_physical_page_init (CordPhysicalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fit = TRUE;
  self->zoom = 1.0;
  gtk_drawing_area_set_draw_func (self->area, draw_area, self, NULL);
  cord_geometry_set_func (GTK_WIDGET (self->area), describe_panel);

  _cord_physical_page_init_input (self);

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
  on_module_selected (self, NULL);
  update_hint (self);
  update_content_size (self);
  return GTK_WIDGET (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordPalette: Packet Tracer's device-type selection box; models are chosen by a click or dragged onto the canvas. */
#include "config.h"

#include <glib/gi18n.h>

#include "cord-gui-resources.h"

#include "cord-canvas.h"
#include "cord-palette.h"

#define MODEL_ICON_SIZE 48

struct _CordPalette
{
  GtkWidget            parent_instance;

  GtkWidget           *routers_button;
  GtkWidget           *switches_button;
  GtkWidget           *hubs_button;
  GtkWidget           *end_devices_button;
  GtkWidget           *connections_button;
  GtkWidget           *other_button;
  GtkImage            *routers_image;
  GtkImage            *switches_image;
  GtkImage            *hubs_image;
  GtkImage            *end_devices_image;
  GtkImage            *other_image;
  GtkDrawingArea      *connections_icon;
  GtkFlowBox          *models;
  GtkLabel            *status;

  CordPaletteCategory  category;
  char                *chosen_text;   /* describes the chosen item */
};

enum {
  SIGNAL_MODEL_CHOSEN,
  SIGNAL_CABLE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CordPalette, cord_palette, GTK_TYPE_WIDGET)

/* What each cable is for, in the order of Packet Tracer's Connections box. */
static const struct {
  CordCable   cable;
  const char *hint;
} cables[] = {
  { CORD_CABLE_AUTO,       N_("picks the right cable for the two ports, as Packet Tracer does") },
  { CORD_CABLE_CONSOLE,    N_("from a PC’s RS 232 port to a router’s or switch’s Console port") },
  { CORD_CABLE_STRAIGHT,   N_("joins unlike devices: PC to switch, switch to router") },
  { CORD_CABLE_CROSS,      N_("joins like devices: switch to switch, router to router, PC to router") },
  { CORD_CABLE_FIBER,      N_("joins two fiber ports") },
  { CORD_CABLE_SERIAL_DCE, N_("a serial link whose first end provides the clock") },
  { CORD_CABLE_SERIAL_DTE, N_("a serial link whose other end provides the clock") },
};

static const char *default_status = N_("Choose a device, then click on the workspace to place it, or drag it there");

/* Icons. */

const char *
cord_palette_icon_for_kind (CordDeviceKind kind)
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
    default:                 g_return_val_if_reached ("router");
    }
}

GdkPaintable *
cord_palette_load_icon (const char *name,
                        int         size)
{
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (size > 0, NULL);

  path = g_strdup_printf ("/org/patchcord/Patchcord/icons/devices/%s.svg", name);
  if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    return NULL;
  /* Twice the size, so the art stays sharp on a HiDPI screen. */
  pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, size * 2, size * 2, TRUE, NULL);
  if (pixbuf == NULL)
    return NULL;
  return GDK_PAINTABLE (gdk_texture_new_for_pixbuf (pixbuf));
}

/* A stand-in from the icon theme while the device art is missing. */
static const char *
fallback_icon (const char *name)
{
  if (g_str_equal (name, "pc") || g_str_equal (name, "laptop"))
    return "computer-symbolic";
  if (g_str_equal (name, "server"))
    return "network-server-symbolic";
  if (g_str_equal (name, "cloud"))
    return "weather-overcast-symbolic";
  return "network-wired-symbolic";
}

static void
set_image (GtkImage   *image,
           const char *name,
           int         size)
{
  g_autoptr(GdkPaintable) paintable = cord_palette_load_icon (name, size);

  if (paintable != NULL)
    gtk_image_set_from_paintable (image, paintable);
  else
    gtk_image_set_from_icon_name (image, fallback_icon (name));
  gtk_image_set_pixel_size (image, size);
}

/* Cable art, after Packet Tracer's: black copper (dashed when crossed),
 * orange fiber, red serial with a clock on DCE, light blue console. */
static void
draw_cable (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  CordCable cable = GPOINTER_TO_INT (data);
  double s = MIN (width, height);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  cairo_translate (cr, (width - s) / 2.0, (height - s) / 2.0);
  cairo_scale (cr, s / 48.0, s / 48.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.5);

  switch (cable)
    {
    case CORD_CABLE_AUTO:
      cairo_move_to (cr, 28, 4);
      cairo_line_to (cr, 12, 27);
      cairo_line_to (cr, 23, 27);
      cairo_line_to (cr, 19, 44);
      cairo_line_to (cr, 36, 20);
      cairo_line_to (cr, 25, 20);
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, 0.96, 0.76, 0.07);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_source_rgb (cr, 0.80, 0.47, 0.0);
      cairo_stroke (cr);
      return;
    case CORD_CABLE_CONSOLE:
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      break;
    case CORD_CABLE_STRAIGHT:
    case CORD_CABLE_CROSS:
      gdk_cairo_set_source_rgba (cr, &fg);
      break;
    case CORD_CABLE_FIBER:
      cairo_set_source_rgb (cr, 0.96, 0.47, 0.0);
      break;
    case CORD_CABLE_SERIAL_DCE:
    case CORD_CABLE_SERIAL_DTE:
      cairo_set_source_rgb (cr, 0.88, 0.11, 0.14);
      break;
    default:
      g_assert_not_reached ();
    }

  if (cable == CORD_CABLE_SERIAL_DCE || cable == CORD_CABLE_SERIAL_DTE)
    {
      cairo_move_to (cr, 6, 42);
      cairo_line_to (cr, 20, 28);
      cairo_line_to (cr, 28, 20);
      cairo_line_to (cr, 42, 6);
      cairo_move_to (cr, 20, 28);
      cairo_line_to (cr, 30, 30);
      cairo_line_to (cr, 18, 18);
      cairo_line_to (cr, 28, 20);
    }
  else
    {
      cairo_move_to (cr, 6, 42);
      cairo_curve_to (cr, 6, 18, 42, 30, 42, 6);
    }
  if (cable == CORD_CABLE_CROSS)
    {
      double dashes[] = { 6.0, 4.0 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* The plugs at both ends. */
  cairo_arc (cr, 6, 42, 3.5, 0, 2 * G_PI);
  cairo_arc (cr, 42, 6, 3.5, 0, 2 * G_PI);
  cairo_fill (cr);

  if (cable == CORD_CABLE_SERIAL_DCE)
    {
      /* A clock face: DCE provides the clock. */
      cairo_set_line_width (cr, 2.0);
      cairo_arc (cr, 36, 36, 8, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, 36, 31);
      cairo_line_to (cr, 36, 36);
      cairo_line_to (cr, 40, 38);
      cairo_stroke (cr);
    }
}

/* Model text. */

static void
count_ports (GPtrArray  *types,
             GArray     *counts,
             const char *type,
             CordMedium  medium,
             guint       n)
{
  /* Console, auxiliary and RS 232 ports are for management, not links. */
  if (medium == CORD_MEDIUM_CONSOLE || medium == CORD_MEDIUM_ASYNC || n == 0)
    return;
  for (guint i = 0; i < types->len; i++)
    if (g_str_equal (g_ptr_array_index (types, i), type))
      {
        g_array_index (counts, guint, i) += n;
        return;
      }
  g_ptr_array_add (types, (gpointer) type);
  g_array_append_val (counts, n);
}

char *
cord_palette_describe_model (const CordModelSpec *model)
{
  CordCatalog *catalog = cord_catalog_get_default ();
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) ports = g_string_new (NULL);
  g_autofree char *port_text = NULL;
  guint last = 0;
  guint free_slots;

  g_return_val_if_fail (model != NULL, NULL);

  for (guint i = 0; i < model->n_ports; i++)
    count_ports (types, counts, model->ports[i].type, model->ports[i].medium, 1);
  for (guint i = 0; i < model->n_defaults; i++)
    {
      const CordModuleSpec *module = cord_catalog_lookup_module (catalog, model->defaults[i].module);

      for (guint j = 0; module != NULL && j < module->n_ports; j++)
        count_ports (types, counts, module->ports[j].type, module->ports[j].medium,
                     module->ports[j].count);
    }

  for (guint i = 0; i < types->len; i++)
    {
      last = g_array_index (counts, guint, i);
      if (i > 0)
        g_string_append (ports, " + ");
      g_string_append_printf (ports, "%u %s", last, (const char *) g_ptr_array_index (types, i));
    }
  if (types->len > 0)
    /* Translators: %s is a list such as "24 FastEthernet + 2 GigabitEthernet". */
    port_text = g_strdup_printf (g_dngettext (NULL, "%s port", "%s ports", last), ports->str);
  else
    port_text = g_strdup (_("no network ports"));

  free_slots = model->n_slots > model->n_defaults ? model->n_slots - model->n_defaults : 0;
  if (free_slots > 0)
    {
      g_autofree char *slots = g_strdup_printf (g_dngettext (NULL, "%u empty module bay",
                                                             "%u empty module bays", free_slots),
                                                free_slots);
      /* Translators: model name — ports, empty bays. */
      return g_strdup_printf (_("%s — %s, %s"), model->name, port_text, slots);
    }
  /* Translators: model name — ports. */
  return g_strdup_printf (_("%s — %s"), model->name, port_text);
}

/* Items. */

static void
show_status (CordPalette *self,
             const char  *text)
{
  gtk_label_set_text (self->status, text != NULL ? text : _(default_status));
}

static void
on_item_enter (GtkEventControllerMotion *motion,
               double                    x,
               double                    y,
               CordPalette              *self)
{
  GtkWidget *child = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));

  show_status (self, g_object_get_data (G_OBJECT (child), "status"));
}

static void
on_item_leave (GtkEventControllerMotion *motion,
               CordPalette              *self)
{
  show_status (self, self->chosen_text);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 CordPalette   *self)
{
  GtkWidget *child = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  const char *model = g_object_get_data (G_OBJECT (child), "model");
  g_autofree char *payload = NULL;

  if (model == NULL)
    return NULL;
  payload = cord_canvas_drag_payload_new (model);
  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               CordPalette   *self)
{
  GtkWidget *child = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GdkPaintable *icon = g_object_get_data (G_OBJECT (child), "icon");

  if (icon != NULL)
    gtk_drag_source_set_icon (source, icon, MODEL_ICON_SIZE / 2, MODEL_ICON_SIZE / 2);
}

static GtkWidget *
add_item (CordPalette *self,
          GtkWidget   *picture,
          const char  *name,
          const char  *status,
          const char  *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_set_tooltip_text (child, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);
  g_object_set_data_full (G_OBJECT (child), "status", g_strdup (status), g_free);

  g_signal_connect (motion, "enter", G_CALLBACK (on_item_enter), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_item_leave), self);
  gtk_widget_add_controller (child, motion);

  gtk_flow_box_append (self->models, child);
  return child;
}

static void
add_model (CordPalette         *self,
           const CordModelSpec *model)
{
  const char *icon_name = cord_palette_icon_for_kind (model->kind);
  g_autoptr(GdkPaintable) icon = cord_palette_load_icon (icon_name, MODEL_ICON_SIZE);
  g_autofree char *status = cord_palette_describe_model (model);
  GtkWidget *image = gtk_image_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkWidget *child;

  set_image (GTK_IMAGE (image), icon_name, MODEL_ICON_SIZE);
  child = add_item (self, image, model->name, status, model->description);
  g_object_set_data (G_OBJECT (child), "model", (gpointer) model->name);
  if (icon != NULL)
    g_object_set_data_full (G_OBJECT (child), "icon", g_object_ref (icon), g_object_unref);

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (drag));
}

static void
add_cable (CordPalette *self,
           guint        index)
{
  GtkWidget *area = gtk_drawing_area_new ();
  const char *label = cord_cable_label (cables[index].cable);
  /* Translators: cable name — what it is for. */
  g_autofree char *status = g_strdup_printf (_("%s — %s"), label, _(cables[index].hint));
  GtkWidget *child;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), MODEL_ICON_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), MODEL_ICON_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cable,
                                  GINT_TO_POINTER (cables[index].cable), NULL);
  child = add_item (self, area, label, status, NULL);
  g_object_set_data (G_OBJECT (child), "cable", GINT_TO_POINTER (cables[index].cable + 1));
}

static void
add_cloud (CordPalette *self)
{
  GtkWidget *image = gtk_image_new ();
  GtkWidget *child;

  set_image (GTK_IMAGE (image), "cloud", MODEL_ICON_SIZE);
  child = add_item (self, image, _("Cloud-PT (coming later)"),
                    _("Cloud-PT is not simulated yet; it comes in a later version"),
                    _("Cloud-PT is not simulated yet; it comes in a later version"));
  /* It stays focusable so it can say why, but looks and acts disabled. */
  gtk_widget_set_sensitive (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)), FALSE);
  g_object_set_data (G_OBJECT (child), "disabled", GINT_TO_POINTER (TRUE));
}

static void
populate (CordPalette *self)
{
  CordCatalog *catalog = cord_catalog_get_default ();
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->models))) != NULL)
    gtk_flow_box_remove (self->models, child);
  g_clear_pointer (&self->chosen_text, g_free);
  show_status (self, NULL);

  switch (self->category)
    {
    case CORD_PALETTE_ROUTERS:
    case CORD_PALETTE_SWITCHES:
    case CORD_PALETTE_HUBS:
    case CORD_PALETTE_END_DEVICES:
      for (guint i = 0; i < cord_catalog_get_n_models (catalog); i++)
        {
          const CordModelSpec *model = cord_catalog_get_model (catalog, i);

          if ((int) model->category == (int) self->category)
            {
              add_model (self, model);
              n++;
            }
        }
      break;
    case CORD_PALETTE_CONNECTIONS:
      for (guint i = 0; i < G_N_ELEMENTS (cables); i++)
        add_cable (self, i);
      n = G_N_ELEMENTS (cables);
      break;
    case CORD_PALETTE_OTHER:
      add_cloud (self);
      n = 1;
      break;
    default:
      g_assert_not_reached ();
    }
  /* One row that scrolls sideways rather than wrapping. */
  gtk_flow_box_set_min_children_per_line (self->models, MAX (n, 1));
  gtk_flow_box_set_max_children_per_line (self->models, MAX (n, 1));
}

static void
on_child_activated (GtkFlowBox      *box,
                    GtkFlowBoxChild *child,
                    CordPalette     *self)
{
  const char *model = g_object_get_data (G_OBJECT (child), "model");
  int cable = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "cable"));

  if (g_object_get_data (G_OBJECT (child), "disabled") != NULL)
    {
      gtk_flow_box_unselect_child (box, child);
      show_status (self, g_object_get_data (G_OBJECT (child), "status"));
      return;
    }
  g_free (self->chosen_text);
  self->chosen_text = g_strdup (g_object_get_data (G_OBJECT (child), "status"));
  show_status (self, self->chosen_text);
  if (model != NULL)
    g_signal_emit (self, signals[SIGNAL_MODEL_CHOSEN], 0, model);
  else if (cable > 0)
    g_signal_emit (self, signals[SIGNAL_CABLE_CHOSEN], 0, cable - 1);
}

static void
on_category_toggled (GtkToggleButton *button,
                     CordPalette     *self)
{
  GtkWidget *buttons[] = {
    [CORD_PALETTE_ROUTERS] = self->routers_button,
    [CORD_PALETTE_SWITCHES] = self->switches_button,
    [CORD_PALETTE_HUBS] = self->hubs_button,
    [CORD_PALETTE_END_DEVICES] = self->end_devices_button,
    [CORD_PALETTE_CONNECTIONS] = self->connections_button,
    [CORD_PALETTE_OTHER] = self->other_button,
  };

  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (buttons[i] == GTK_WIDGET (button) && self->category != i)
      {
        self->category = i;
        populate (self);
      }
}

static void
cord_palette_dispose (GObject *object)
{
  CordPalette *self = CORD_PALETTE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CORD_TYPE_PALETTE);
  /* The rows that no field names go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->chosen_text, g_free);

  G_OBJECT_CLASS (cord_palette_parent_class)->dispose (object);
}

static void
cord_palette_class_init (CordPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cord_palette_dispose;

  /* The user chose a model to place: (const char *model). */
  signals[SIGNAL_MODEL_CHOSEN] =
    g_signal_new ("model-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The user chose a cable: (CordCable cable, as int). */
  signals[SIGNAL_CABLE_CHOSEN] =
    g_signal_new ("cable-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /* Referring to the resources links them in; they register themselves. */
  (void) cord_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/patchcord/Patchcord/ui/cord-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, CordPalette, routers_button);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, switches_button);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, hubs_button);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, end_devices_button);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, connections_button);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, other_button);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, routers_image);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, switches_image);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, hubs_image);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, end_devices_image);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, other_image);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, connections_icon);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, models);
  gtk_widget_class_bind_template_child (widget_class, CordPalette, status);
  gtk_widget_class_bind_template_callback (widget_class, on_category_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);
  gtk_widget_class_set_css_name (widget_class, "cordpalette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cord_palette_init (CordPalette *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_image (self->routers_image, "router", 24);
  set_image (self->switches_image, "switch", 24);
  set_image (self->hubs_image, "hub", 24);
  set_image (self->end_devices_image, "pc", 24);
  set_image (self->other_image, "cloud", 24);
  gtk_drawing_area_set_draw_func (self->connections_icon, draw_cable,
                                  GINT_TO_POINTER (CORD_CABLE_AUTO), NULL);
  self->category = CORD_PALETTE_ROUTERS;
  populate (self);
}

GtkWidget *
cord_palette_new (void)
{
  return g_object_new (CORD_TYPE_PALETTE, NULL);
}

void
cord_palette_set_category (CordPalette         *self,
                           CordPaletteCategory  category)
{
  g_return_if_fail (CORD_IS_PALETTE (self));
  g_return_if_fail ((guint) category <= CORD_PALETTE_OTHER);

  GtkWidget *buttons[] = {
    self->routers_button, self->switches_button, self->hubs_button,
    self->end_devices_button, self->connections_button, self->other_button,
  };

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[category]), TRUE);
}

CordPaletteCategory
cord_palette_get_category (CordPalette *self)
{
  g_return_val_if_fail (CORD_IS_PALETTE (self), CORD_PALETTE_ROUTERS);
  return self->category;
}

void
cord_palette_unselect (CordPalette *self)
{
  g_return_if_fail (CORD_IS_PALETTE (self));

  gtk_flow_box_unselect_all (self->models);
  g_clear_pointer (&self->chosen_text, g_free);
  show_status (self, NULL);
}

const char *
cord_palette_get_status (CordPalette *self)
{
  g_return_val_if_fail (CORD_IS_PALETTE (self), NULL);
  return gtk_label_get_text (self->status);
}

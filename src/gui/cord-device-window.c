/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordDeviceWindow: the window of one device, with the tabs its kind has (Physical, Config, CLI or Desktop). */
#include "config.h"

#include <glib/gi18n.h>

#include "cord-gui-resources.h"

#include "cord-config-page.h"
#include "cord-desktop-page.h"
#include "cord-device-window.h"
#include "cord-physical-page.h"
#include "cord-terminal.h"
#include "cord-test-geometry.h"
#include "ios-console.h"

struct _CordDeviceWindow
{
  GtkWindow     parent_instance;

  /* Template widgets. */
  GtkStack     *stack;
  GtkStackSwitcher *switcher;

  CordDocument *document;
  CordTopology *topology;
  CordDevice   *device;
  gulong        removed_handler;
  gulong        changed_handler;
  gulong        topology_handler;
  CordTerminal *cli;            /* on the CLI tab */
  CordDesktopPage *desktop;     /* the Desktop tab */
};

G_DEFINE_FINAL_TYPE (CordDeviceWindow, cord_device_window, GTK_TYPE_WINDOW)

/* Pages. */

void
cord_device_window_open_prompt (CordDeviceWindow *self)
{
  g_return_if_fail (CORD_IS_DEVICE_WINDOW (self));
  g_return_if_fail (self->desktop != NULL);

  cord_desktop_page_open_prompt (self->desktop);
}

static void
build_tabs (CordDeviceWindow *self)
{
  CordDeviceKind kind = self->device->model->kind;
  GtkWidget *visible = cord_physical_page_new (self->document, self->device);

  gtk_stack_add_titled (self->stack, visible, "physical", _("Physical"));
  if (kind == CORD_KIND_HUB || kind == CORD_KIND_BRIDGE)
    return;
  gtk_stack_add_titled (self->stack, cord_config_page_new (self->document, self->device), "config", _("Config"));
  if (cord_kind_has_ios (kind))
    {
      GtkWidget *page = cord_terminal_page_new (NULL, &self->cli);

      gtk_stack_add_titled (self->stack, page, "cli", _("CLI"));
      cord_terminal_bind (self->cli, cord_document_lookup_console (self->document, self->device));
      visible = page;
    }
  else if (cord_kind_is_host (kind))
    {
      visible = cord_desktop_page_new (self->document, self->device);
      self->desktop = CORD_DESKTOP_PAGE (visible);
      gtk_stack_add_titled (self->stack, visible, "desktop", _("Desktop"));
    }
  /* The tab with something to use comes first. */
  gtk_stack_set_visible_child (self->stack, visible);
}

GtkWidget *
cord_device_window_get_terminal (CordDeviceWindow *self)
{
  g_return_val_if_fail (CORD_IS_DEVICE_WINDOW (self), NULL);

  if (self->cli != NULL)
    return GTK_WIDGET (self->cli);
  return self->desktop != NULL ? cord_desktop_page_get_terminal (self->desktop) : NULL;
}

void
cord_device_window_show_tab (CordDeviceWindow *self,
                             const char       *name)
{
  g_return_if_fail (CORD_IS_DEVICE_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

static void
on_visible_tab (CordDeviceWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "cli") == 0 && self->cli != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->cli));
  else if (g_strcmp0 (name, "desktop") == 0 && self->desktop != NULL &&
           cord_desktop_page_get_terminal (self->desktop) != NULL &&
           (g_strcmp0 (cord_desktop_page_get_app (self->desktop), "prompt") == 0 ||
            g_strcmp0 (cord_desktop_page_get_app (self->desktop), "terminal") == 0))
    gtk_widget_grab_focus (cord_desktop_page_get_terminal (self->desktop));
}

/* The switcher's buttons, named for the test hook: "tab:cli". */
static void
tag_tabs (CordDeviceWindow *self)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->switcher));

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL && button != NULL;
       page = gtk_widget_get_next_sibling (page), button = gtk_widget_get_next_sibling (button))
    {
      g_autofree char *id = g_strdup_printf ("tab:%s", gtk_stack_page_get_name (gtk_stack_get_page (self->stack, page)));

      cord_geometry_tag (button, id);
    }
}

/* Following the device. */

static void
update_title (CordDeviceWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), self->device->name);
}

static void
on_device_changed (CordTopology     *topology,
                   CordDevice       *device,
                   guint             what,
                   CordDeviceWindow *self)
{
  if (device == self->device && (what & CORD_DEVICE_CHANGED_NAME) != 0)
    update_title (self);
}

static void
forget_device (CordDeviceWindow *self)
{
  if (self->topology != NULL)
    {
      g_clear_signal_handler (&self->removed_handler, self->topology);
      g_clear_signal_handler (&self->changed_handler, self->topology);
    }
  if (self->cli != NULL)
    cord_terminal_bind (self->cli, NULL);
  if (self->desktop != NULL)
    cord_desktop_page_forget (self->desktop);
  self->device = NULL;
}

static void
on_device_removed (CordTopology     *topology,
                   CordDevice       *device,
                   CordDeviceWindow *self)
{
  if (device != self->device)
    return;
  forget_device (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_topology_replaced (CordDeviceWindow *self)
{
  /* A lab was loaded in the window: this device is not in it. */
  forget_device (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject. */

static void
cord_device_window_dispose (GObject *object)
{
  CordDeviceWindow *self = CORD_DEVICE_WINDOW (object);

  forget_device (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->topology_handler, self->document);
  g_clear_object (&self->topology);
  g_clear_object (&self->document);
  self->cli = NULL;
  self->desktop = NULL;

  G_OBJECT_CLASS (cord_device_window_parent_class)->dispose (object);
}

static void
cord_device_window_class_init (CordDeviceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cord_device_window_dispose;

  (void) cord_gui_get_resource ();
  g_type_ensure (CORD_TYPE_TERMINAL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/patchcord/Patchcord/ui/cord-device-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CordDeviceWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CordDeviceWindow, switcher);
  /* Ctrl+W closes the window, as in any GNOME app; on a terminal the key
   * is IOS's "delete word" and the terminal takes it first. The console
   * and its scrollback stay for the next time the window opens. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cord_device_window_init (CordDeviceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CordDeviceWindow *
cord_device_window_new (CordDocument *document,
                        CordDevice   *device)
{
  CordDeviceWindow *self;

  g_return_val_if_fail (CORD_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (device->topology == cord_document_get_topology (document), NULL);

  self = g_object_new (CORD_TYPE_DEVICE_WINDOW, NULL);
  self->document = g_object_ref (document);
  self->topology = g_object_ref (device->topology);
  self->device = device;
  self->removed_handler = g_signal_connect (self->topology, "device-removed",
                                            G_CALLBACK (on_device_removed), self);
  self->changed_handler = g_signal_connect (self->topology, "device-changed",
                                            G_CALLBACK (on_device_changed), self);
  self->topology_handler = g_signal_connect_swapped (document, "notify::topology",
                                                     G_CALLBACK (on_topology_replaced), self);
  update_title (self);
  build_tabs (self);
  tag_tabs (self);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (on_visible_tab), self);
  on_visible_tab (self);
  return self;
}

CordDevice *
cord_device_window_get_device (CordDeviceWindow *self)
{
  g_return_val_if_fail (CORD_IS_DEVICE_WINDOW (self), NULL);

  return self->device;
}

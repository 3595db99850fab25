/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordDesktopPage: an end device's Desktop tab, app tiles that open IP Configuration, the Command Prompt and the Terminal. */
#include "config.h"

#include <glib/gi18n.h>

#include "cord-desktop-page.h"
#include "cord-test-geometry.h"
#include "cord-ip-config.h"
#include "cord-terminal.h"
#include "ios-console.h"

/* The Terminal Configuration choices, as Packet Tracer offers them; the
 * defaults are what every console port in the catalog runs. */
static const char *const bauds[] = { "300", "1200", "2400", "4800", "9600", "19200", "38400", "57600",
                                     "115200", NULL };
static const char *const data_bits[] = { "5", "6", "7", "8", NULL };
static const char *const parities[] = { N_("None"), N_("Odd"), N_("Even"), N_("Mark"), N_("Space"), NULL };
static const char *const stop_bits[] = { "1", "1.5", "2", NULL };
static const char *const flows[] = { N_("None"), N_("RTS/CTS"), N_("Xon/Xoff"), NULL };

enum { SET_BAUD, SET_DATA, SET_PARITY, SET_STOP, SET_FLOW, N_SETTINGS };

static const char *const setting_ids[N_SETTINGS] = {
  "bits-per-second", "data-bits", "parity", "stop-bits", "flow-control",
};
static const guint line_settings[N_SETTINGS] = { 4, 3, 0, 0, 0 };   /* 9600 8N1, no flow control */

struct _CordDesktopPage
{
  GtkBox        parent_instance;

  CordDocument *document;
  CordTopology *topology;
  CordDevice   *device;
  gulong        link_added_handler;
  gulong        link_removed_handler;
  gulong        device_removed_handler;

  GtkStack     *stack;
  CordTerminal *prompt;         /* the Command Prompt, once opened */
  CordIpConfig *ip_config;      /* once opened */
  CordTerminal *terminal;       /* the Terminal app, once opened */
  GtkLabel     *terminal_title;
  GtkLabel     *no_console_detail;
  GtkWindow    *dialog;
  GtkDropDown  *choices[N_SETTINGS];
  guint         settings[N_SETTINGS];
  CordDevice   *peer;           /* whose console the Terminal shows */
};

G_DEFINE_FINAL_TYPE (CordDesktopPage, cord_desktop_page, GTK_TYPE_BOX)

/* ---- Pieces ---------------------------------------------------------------------- */

/* An app's bar: back to the tiles, the app's name; @title_out gets the label. */
static GtkWidget *
app_bar (CordDesktopPage *self,
         const char      *title,
         GtkLabel       **title_out)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_tooltip_text (back, _("Back to the Desktop"));
  gtk_button_set_has_frame (GTK_BUTTON (back), FALSE);
  cord_geometry_tag (back, "back");
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (cord_desktop_page_show_tiles), self);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (bar), back);
  gtk_box_append (GTK_BOX (bar), label);
  if (title_out != NULL)
    *title_out = GTK_LABEL (label);
  return bar;
}

/* A terminal under its app bar, with copy and paste at the end of it. */
static GtkWidget *
terminal_app (CordDesktopPage *self,
              const char      *title,
              CordTerminal   **out,
              GtkLabel       **title_out)
{
  g_assert (CORD_IS_DESKTOP_PAGE (self));

  return cord_terminal_page_new (app_bar (self, title, title_out), out);
}

void
cord_desktop_page_show_tiles (CordDesktopPage *self)
{
  g_return_if_fail (CORD_IS_DESKTOP_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "tiles");
}

const char *
cord_desktop_page_get_app (CordDesktopPage *self)
{
  g_return_val_if_fail (CORD_IS_DESKTOP_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* ---- Command Prompt ------------------------------------------------------------- */

void
cord_desktop_page_open_prompt (CordDesktopPage *self)
{
  g_return_if_fail (CORD_IS_DESKTOP_PAGE (self));

  if (self->prompt == NULL)
    {
      GtkWidget *page = terminal_app (self, _("Command Prompt"), &self->prompt, NULL);

      gtk_stack_add_named (self->stack, page, "prompt");
      if (self->device != NULL)
        cord_terminal_bind (self->prompt, cord_document_lookup_console (self->document, self->device));
    }
  gtk_stack_set_visible_child_name (self->stack, "prompt");
  gtk_widget_grab_focus (GTK_WIDGET (self->prompt));
}

/* ---- IP Configuration ----------------------------------------------------------- */

void
cord_desktop_page_open_ip_config (CordDesktopPage *self)
{
  g_return_if_fail (CORD_IS_DESKTOP_PAGE (self));

  if (self->device == NULL)
    return;
  if (self->ip_config == NULL)
    {
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *scroller = gtk_scrolled_window_new ();

      self->ip_config = CORD_IP_CONFIG (cord_ip_config_new (self->document, self->device));
      gtk_box_append (GTK_BOX (page), app_bar (self, _("IP Configuration"), NULL));
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->ip_config));
      gtk_widget_set_vexpand (scroller, TRUE);
      gtk_box_append (GTK_BOX (page), scroller);
      gtk_stack_add_named (self->stack, page, "ip-config");
    }
  gtk_stack_set_visible_child_name (self->stack, "ip-config");
}

GtkWidget *
cord_desktop_page_get_ip_config (CordDesktopPage *self)
{
  g_return_val_if_fail (CORD_IS_DESKTOP_PAGE (self), NULL);

  return GTK_WIDGET (self->ip_config);
}

/* ---- Terminal ---------------------------------------------------------------------- */

/* The device whose Console port a console cable joins to our RS 232 port,
 * leaving out @gone_link and @gone_device (being removed). */
static CordDevice *
find_peer (CordDesktopPage *self,
           CordLink        *gone_link,
           CordDevice      *gone_device)
{
  if (self->device == NULL)
    return NULL;
  for (guint i = 0; i < self->device->ports->len; i++)
    {
      CordPort *port = self->device->ports->pdata[i];
      CordLink *link = port->link;
      CordPort *far;

      if (port->medium != CORD_MEDIUM_CONSOLE || link == NULL || link == gone_link)
        continue;
      far = link->ends[0] == port ? link->ends[1] : link->ends[0];
      if (far->device != gone_device && g_strcmp0 (far->type, "Console") == 0 &&
          cord_document_lookup_console (self->document, far->device) != NULL)
        return far->device;
    }
  return NULL;
}

static gboolean
settings_match (CordDesktopPage *self)
{
  for (guint i = 0; i < N_SETTINGS; i++)
    if (self->settings[i] != line_settings[i])
      return FALSE;
  return TRUE;
}

static void
ensure_terminal_pages (CordDesktopPage *self)
{
  GtkWidget *page, *box, *image, *title, *detail;

  if (self->terminal != NULL)
    return;
  page = terminal_app (self, _("Terminal"), &self->terminal, &self->terminal_title);
  gtk_stack_add_named (self->stack, page, "terminal");

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  image = gtk_image_new_from_icon_name ("network-offline-symbolic");
  title = gtk_label_new (_("No Console Connection"));
  detail = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (page), app_bar (self, _("Terminal"), NULL));
  gtk_widget_set_vexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 96);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_justify (GTK_LABEL (detail), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 50);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (page), box);
  self->no_console_detail = GTK_LABEL (detail);
  gtk_stack_add_named (self->stack, page, "no-console");
}

/* Shows the far device's console, or the message when there is none. */
static void
show_line (CordDesktopPage *self,
           CordDevice      *peer)
{
  ensure_terminal_pages (self);
  self->peer = peer;
  if (peer == NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("%s has no console cable to a router or switch. To make one, connect "
                           "a Console cable from its RS 232 port to the device's Console port."),
                         self->device != NULL ? self->device->name : "");

      cord_terminal_bind (self->terminal, NULL);
      gtk_label_set_text (self->no_console_detail, text);
      gtk_stack_set_visible_child_name (self->stack, "no-console");
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("Terminal: %s (Console)"), peer->name);

    gtk_label_set_text (self->terminal_title, title);
  }
  /* Unbound first, so a new setting takes effect on the scrollback too. */
  cord_terminal_bind (self->terminal, NULL);
  cord_terminal_set_garbled (self->terminal, !settings_match (self));
  cord_terminal_bind (self->terminal, cord_document_lookup_console (self->document, peer));
  gtk_stack_set_visible_child_name (self->stack, "terminal");
  gtk_widget_grab_focus (GTK_WIDGET (self->terminal));
}

static void
close_dialog (CordDesktopPage *self)
{
  if (self->dialog == NULL)
    return;
  for (guint i = 0; i < N_SETTINGS; i++)
    self->choices[i] = NULL;
  g_clear_pointer (&self->dialog, gtk_window_destroy);
}

static void
on_dialog_ok (GtkWidget     *widget,
              GVariant      *parameter,
              GSimpleAction *action)
{
  CordDesktopPage *self = g_object_get_data (G_OBJECT (widget), "cord-desktop-page");

  for (guint i = 0; i < N_SETTINGS; i++)
    self->settings[i] = gtk_drop_down_get_selected (self->choices[i]);
  close_dialog (self);
  show_line (self, find_peer (self, NULL, NULL));
}

static void
on_dialog_cancel (GtkWidget     *widget,
                  GVariant      *parameter,
                  GSimpleAction *action)
{
  CordDesktopPage *self = g_object_get_data (G_OBJECT (widget), "cord-desktop-page");

  close_dialog (self);
}

static gboolean
on_dialog_close_request (CordDesktopPage *self)
{
  close_dialog (self);
  return TRUE;
}

static GtkWidget *
choice (CordDesktopPage    *self,
        guint               which,
        const char *const  *items,
        gboolean            translate)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *drop;

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (list, translate ? _(items[i]) : items[i]);
  drop = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), self->settings[which]);
  gtk_widget_set_name (drop, setting_ids[which]);
  gtk_widget_set_hexpand (drop, TRUE);
  self->choices[which] = GTK_DROP_DOWN (drop);
  return drop;
}

static void
open_dialog (CordDesktopPage *self,
             CordDevice      *peer)
{
  static const char *const labels[N_SETTINGS] = {
    N_("Bits Per Second"), N_("Data Bits"), N_("Parity"), N_("Stop Bits"), N_("Flow Control"),
  };
  static const char *const *const items[N_SETTINGS] = { bauds, data_bits, parities, stop_bits, flows };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *ok = gtk_button_new_with_mnemonic (_("_OK"));
  GtkWidget *heading = gtk_label_new (_("Port Configuration"));
  g_autofree char *note_text = NULL;
  GtkWidget *note;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  close_dialog (self);
  self->dialog = GTK_WINDOW (gtk_window_new ());
  g_object_set_data (G_OBJECT (self->dialog), "cord-desktop-page", self);
  gtk_window_set_title (self->dialog, _("Terminal Configuration"));
  gtk_window_set_modal (self->dialog, TRUE);
  gtk_window_set_resizable (self->dialog, FALSE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (self->dialog, GTK_WINDOW (root));
  {
    GSimpleActionGroup *group = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) ok_action = g_simple_action_new ("ok", NULL);
    g_autoptr(GSimpleAction) cancel_action = g_simple_action_new ("cancel", NULL);

    g_signal_connect_swapped (ok_action, "activate", G_CALLBACK (on_dialog_ok), self->dialog);
    g_signal_connect_swapped (cancel_action, "activate", G_CALLBACK (on_dialog_cancel), self->dialog);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (ok_action));
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (cancel_action));
    gtk_widget_insert_action_group (GTK_WIDGET (self->dialog), "terminal", G_ACTION_GROUP (group));
    g_object_unref (group);
  }
  g_signal_connect_swapped (self->dialog, "close-request", G_CALLBACK (on_dialog_close_request), self);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < N_SETTINGS; i++)
    {
      GtkWidget *label = gtk_label_new (_(labels[i]));
      GtkWidget *drop = choice (self, i, items[i], i == SET_PARITY || i == SET_FLOW);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), drop, 1, (int) i, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);
  note_text = g_strdup_printf (_("The Console port of %s runs at 9600 bits per second, 8 data bits, "
                                 "no parity, 1 stop bit and no flow control. Other settings show "
                                 "garbage, as on a real serial line."), peer->name);
  note = gtk_label_new (note_text);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 44);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), note);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "terminal.cancel");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (ok), "terminal.ok");
  gtk_widget_add_css_class (ok, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), ok);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (self->dialog, box);
  gtk_window_set_default_widget (self->dialog, ok);
  gtk_window_present (self->dialog);
}

void
cord_desktop_page_open_terminal (CordDesktopPage *self)
{
  CordDevice *peer;

  g_return_if_fail (CORD_IS_DESKTOP_PAGE (self));

  peer = find_peer (self, NULL, NULL);
  if (peer == NULL)
    show_line (self, NULL);
  else
    open_dialog (self, peer);
}

GtkWindow *
cord_desktop_page_get_dialog (CordDesktopPage *self)
{
  g_return_val_if_fail (CORD_IS_DESKTOP_PAGE (self), NULL);

  return self->dialog;
}

/* The cable was plugged or unplugged, or the far device went: a Terminal
 * on screen follows. */
static void
follow_cable (CordDesktopPage *self,
              CordLink        *gone_link,
              CordDevice      *gone_device)
{
  const char *app = gtk_stack_get_visible_child_name (self->stack);
  CordDevice *peer;

  if (g_strcmp0 (app, "terminal") != 0 && g_strcmp0 (app, "no-console") != 0)
    {
      if (self->terminal != NULL && find_peer (self, gone_link, gone_device) != self->peer)
        {
          cord_terminal_bind (self->terminal, NULL);
          self->peer = NULL;
        }
      return;
    }
  peer = find_peer (self, gone_link, gone_device);
  if (peer != self->peer || g_strcmp0 (app, "no-console") == 0)
    show_line (self, peer);
}

static void
on_link_added (CordTopology    *topology,
               CordLink        *link,
               CordDesktopPage *self)
{
  follow_cable (self, NULL, NULL);
}

static void
on_link_removed (CordTopology    *topology,
                 CordLink        *link,
                 CordDesktopPage *self)
{
  follow_cable (self, link, NULL);
}

static void
on_device_removed (CordTopology    *topology,
                   CordDevice      *device,
                   CordDesktopPage *self)
{
  if (device != self->device)
    follow_cable (self, NULL, device);
}

GtkWidget *
cord_desktop_page_get_terminal (CordDesktopPage *self)
{
  const char *app;

  g_return_val_if_fail (CORD_IS_DESKTOP_PAGE (self), NULL);

  app = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (app, "terminal") == 0)
    return GTK_WIDGET (self->terminal);
  return GTK_WIDGET (self->prompt);
}

/* ---- Tiles ----------------------------------------------------------------------- */

static GtkWidget *
app_tile (const char *icon,
          const char *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_widget_set_size_request (button, 140, 110);
  gtk_button_set_child (GTK_BUTTON (button), box);
  return button;
}

static void
build (CordDesktopPage *self)
{
  GtkWidget *tiles = gtk_flow_box_new ();
  GtkWidget *prompt = app_tile ("utilities-terminal-symbolic", _("Command Prompt"));
  GtkWidget *ipconfig = app_tile ("network-wired-symbolic", _("IP Configuration"));
  GtkWidget *terminal = app_tile ("computer-symbolic", _("Terminal"));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (tiles), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (tiles), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (tiles), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (tiles), 12);
  gtk_widget_set_valign (tiles, GTK_ALIGN_START);
  gtk_widget_set_margin_top (tiles, 24);
  gtk_widget_set_margin_start (tiles, 24);
  gtk_widget_set_margin_end (tiles, 24);
  cord_geometry_tag (prompt, "tile:prompt");
  cord_geometry_tag (ipconfig, "tile:ip-config");
  cord_geometry_tag (terminal, "tile:terminal");
  g_signal_connect_swapped (prompt, "clicked", G_CALLBACK (cord_desktop_page_open_prompt), self);
  g_signal_connect_swapped (ipconfig, "clicked", G_CALLBACK (cord_desktop_page_open_ip_config), self);
  g_signal_connect_swapped (terminal, "clicked", G_CALLBACK (cord_desktop_page_open_terminal), self);
  gtk_flow_box_append (GTK_FLOW_BOX (tiles), ipconfig);
  gtk_flow_box_append (GTK_FLOW_BOX (tiles), prompt);
  gtk_flow_box_append (GTK_FLOW_BOX (tiles), terminal);
  gtk_stack_add_named (self->stack, tiles, "tiles");
}

/* ---- GObject ---------------------------------------------------------------------- */

void
cord_desktop_page_forget (CordDesktopPage *self)
{
  g_return_if_fail (CORD_IS_DESKTOP_PAGE (self));

  if (self->topology != NULL)
    {
      g_clear_signal_handler (&self->link_added_handler, self->topology);
      g_clear_signal_handler (&self->link_removed_handler, self->topology);
      g_clear_signal_handler (&self->device_removed_handler, self->topology);
    }
  close_dialog (self);
  if (self->ip_config != NULL)
    cord_ip_config_forget (self->ip_config);
  if (self->prompt != NULL)
    cord_terminal_bind (self->prompt, NULL);
  if (self->terminal != NULL)
    cord_terminal_bind (self->terminal, NULL);
  self->device = NULL;
  self->peer = NULL;
}

static void
cord_desktop_page_dispose (GObject *object)
{
  CordDesktopPage *self = CORD_DESKTOP_PAGE (object);

  cord_desktop_page_forget (self);
  g_clear_object (&self->topology);
  g_clear_object (&self->document);
  self->prompt = NULL;
  self->terminal = NULL;
  self->ip_config = NULL;

  G_OBJECT_CLASS (cord_desktop_page_parent_class)->dispose (object);
}

static void
cord_desktop_page_class_init (CordDesktopPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cord_desktop_page_dispose;
}

static void
cord_desktop_page_init (CordDesktopPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  for (guint i = 0; i < N_SETTINGS; i++)
    self->settings[i] = line_settings[i];
}

GtkWidget *
cord_desktop_page_new (CordDocument *document,
                       CordDevice   *device)
{
  CordDesktopPage *self;

  g_return_val_if_fail (CORD_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (device != NULL && cord_kind_is_host (device->model->kind), NULL);

  self = g_object_new (CORD_TYPE_DESKTOP_PAGE, NULL);
  self->document = g_object_ref (document);
  self->topology = g_object_ref (device->topology);
  self->device = device;
  build (self);
  self->link_added_handler = g_signal_connect (self->topology, "link-added", G_CALLBACK (on_link_added), self);
  self->link_removed_handler = g_signal_connect (self->topology, "link-removed",
                                                 G_CALLBACK (on_link_removed), self);
  self->device_removed_handler = g_signal_connect (self->topology, "device-removed",
                                                   G_CALLBACK (on_device_removed), self);
  return GTK_WIDGET (self);
}
